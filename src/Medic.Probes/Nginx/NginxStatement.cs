namespace Medic.Probes.Nginx;

/// <summary>The words of one directive and what ended it (<c>;</c>, <c>{</c>, <c>}</c> or the end of the file) and where.</summary>
internal sealed record NginxStatement(IReadOnlyList<NginxWord> Words, NginxTerminator Terminator, NginxPosition At);
