namespace Medic.Probes.Net;

/// <summary>A network failure classified into one of the stable <see cref="Core.Model.ErrorKinds"/>.</summary>
internal sealed record NetFailure(string Kind, string Message);
