using System.Globalization;

namespace Medic.Probes.Nginx;

/// <summary>A place in an nginx configuration file; line and column are 1-based, columns count characters.</summary>
internal readonly record struct NginxPosition(string File, int Line, int Column)
{
    /// <summary><c>file:line</c>, the way <c>nginx -t</c> names a place.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}");
}
