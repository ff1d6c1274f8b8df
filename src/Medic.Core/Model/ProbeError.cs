namespace Medic.Core.Model;

/// <summary>A classified probe failure; <see cref="Kind"/> is one of <see cref="ErrorKinds"/>.</summary>
public sealed record ProbeError(string Kind, string Message);
