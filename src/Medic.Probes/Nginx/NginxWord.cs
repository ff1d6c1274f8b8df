namespace Medic.Probes.Nginx;

/// <summary>One word of a directive, unescaped the way nginx does; <see cref="Quoted"/> when written in quotes.</summary>
internal sealed record NginxWord(string Value, NginxPosition Position, bool Quoted);
