namespace Medic.Probes.Nginx;

/// <summary>Stops reading at the first error, as nginx does; caught by <see cref="NginxConfigReader"/>.</summary>
internal sealed class NginxSyntaxException(NginxSyntaxError error) : Exception(error.ToString())
{
    public NginxSyntaxError Error { get; } = error;
}
