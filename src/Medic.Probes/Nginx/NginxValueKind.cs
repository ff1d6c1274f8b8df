namespace Medic.Probes.Nginx;

/// <summary>How nginx reads a directive's one argument, so a value nginx refuses is refused here too.</summary>
internal enum NginxValueKind
{
    Any,

    /// <summary><c>ngx_conf_set_msec_slot</c>: <c>500ms</c>, <c>30s</c>, <c>"1h 30m"</c>; a bare number is seconds.</summary>
    Duration,

    /// <summary><c>ngx_conf_set_off_slot</c>: bytes with an optional <c>k</c>, <c>m</c> or <c>g</c>.</summary>
    Size,

    /// <summary><c>ngx_conf_set_flag_slot</c>: <c>on</c> or <c>off</c>.</summary>
    Flag,

    /// <summary><c>proxy_http_version</c>: <c>1.0</c> or <c>1.1</c>.</summary>
    HttpVersion,
}
