using System.Globalization;
using System.Net;
using System.Text;

namespace Medic.Server.Dashboard;

/// <summary>HTML helpers: every text that reaches a page goes through <see cref="E"/>.</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A path segment for a link, escaped for the URL and then for the attribute.</summary>
    public static string Seg(string value) => E(Uri.EscapeDataString(value));

    public static string Time(DateTimeOffset? t) => t is { } v
        ? $"<time datetime=\"{v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}\">{v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC</time>"
        : "—";

    public static string Ms(double ms) => ms.ToString(ms < 10 ? "0.##" : "0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>A severity badge; the word is always shown, colour only repeats it.</summary>
    public static string Severity(string severity)
    {
        var known = severity is "critical" or "error" or "warning" or "info" ? severity : "info";
        return $"<span class=\"sev sev-{known}\">{E(severity)}</span>";
    }

    public static int Rank(string severity) => severity switch
    {
        "critical" => 3,
        "error" => 2,
        "warning" => 1,
        _ => 0,
    };

    /// <summary>A whole page: skip link, header with the site name and sign-out, breadcrumb, then the main content.</summary>
    public static string Page(string title, IReadOnlyList<(string Text, string? Href)> crumbs, string main, bool signedIn = true)
    {
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
         .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
         .Append("<title>").Append(E(title)).Append(" · Medic</title>")
         .Append("<link rel=\"stylesheet\" href=\"/ui/style.css\"></head><body>")
         .Append("<a class=\"skip\" href=\"#main\">Skip to content</a>")
         .Append("<header><a class=\"brand\" href=\"/ui/\">Medic</a>");
        if (signedIn)
        {
            b.Append("<form method=\"post\" action=\"/ui/logout\"><button type=\"submit\">Sign out</button></form>");
        }

        b.Append("</header>");
        if (crumbs.Count > 0)
        {
            b.Append("<nav aria-label=\"Breadcrumb\"><ol class=\"crumbs\">");
            for (var i = 0; i < crumbs.Count; i++)
            {
                var (text, href) = crumbs[i];
                b.Append("<li>").Append(href is null || i == crumbs.Count - 1
                    ? $"<span aria-current=\"page\">{E(text)}</span>"
                    : $"<a href=\"{E(href)}\">{E(text)}</a>").Append("</li>");
            }

            b.Append("</ol></nav>");
        }

        b.Append("<main id=\"main\" tabindex=\"-1\">").Append(main).Append("</main></body></html>\n");
        return b.ToString();
    }
}
