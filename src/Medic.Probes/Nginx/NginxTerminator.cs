namespace Medic.Probes.Nginx;

/// <summary>What ended a statement the lexer read.</summary>
internal enum NginxTerminator
{
    Semicolon,
    BlockStart,
    BlockEnd,
    EndOfFile,
}
