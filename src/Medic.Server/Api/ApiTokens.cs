using System.Security.Cryptography;
using System.Text;
using Medic.Core.Model;

namespace Medic.Server.Api;

public enum TokenScope
{
    None = 0,
    Read = 1,
    Admin = 2,
}

/// <summary>
/// API tokens. An admin token may come from <c>MEDIC_API_TOKEN</c>; a tokens file holds lines
/// <c>read TOKEN</c> or <c>admin TOKEN</c>. Tokens are compared as SHA-256 digests in constant time.
/// </summary>
public sealed class ApiTokens
{
    private readonly List<(byte[] Digest, TokenScope Scope)> _tokens = [];

    public int Count => _tokens.Count;

    public void Add(string token, TokenScope scope)
    {
        if (!string.IsNullOrEmpty(token))
        {
            _tokens.Add((Digest(token), scope));
        }
    }

    /// <summary>Reads a tokens file; a bad line throws <see cref="InputException"/> naming file:line:column.</summary>
    public void AddFile(string path)
    {
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var scope = parts[0] switch { "read" => TokenScope.Read, "admin" => TokenScope.Admin, _ => TokenScope.None };
            if (parts.Length != 2 || scope == TokenScope.None)
            {
                throw new InputException(new SourcePosition(path, i + 1, 1), "expected 'read TOKEN' or 'admin TOKEN'");
            }

            Add(parts[1], scope);
        }
    }

    /// <summary>The scope of a presented token; every stored token is compared, so timing does not tell which matched.</summary>
    public TokenScope ScopeOf(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return TokenScope.None;
        }

        var digest = Digest(presented);
        var scope = TokenScope.None;
        foreach (var (stored, s) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(stored, digest) && s > scope)
            {
                scope = s;
            }
        }

        return scope;
    }

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
