namespace Medic.Server.Dashboard;

/// <summary>The sign-in form: a token (read or admin) exchanged for a session cookie.</summary>
internal static class LoginPage
{
    public static string Render(string? error)
    {
        var message = error is null ? "" : $"<p class=\"error\" role=\"alert\" id=\"login-error\">{Html.E(error)}</p>";
        var described = error is null ? "" : " aria-describedby=\"login-error\"";
        var main = $"""
            <div class="login"><h1>Sign in</h1>
            <p>Enter an API token (read or admin). It is exchanged for a session cookie and not kept in the browser.</p>
            {message}<form method="post" action="/ui/login">
            <p><label for="token">API token</label><br><input id="token" name="token" type="password" autocomplete="current-password" required autofocus{described}></p>
            <p><button type="submit">Sign in</button></p></form></div>
            """;
        return Html.Page("Sign in", [], main, signedIn: false);
    }
}
