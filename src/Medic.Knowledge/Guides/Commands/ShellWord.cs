namespace Medic.Knowledge.Guides.Commands;

/// <summary>A shell word after quote removal; <see cref="Operator"/> marks <c>| ; &amp;&amp; || &amp; &gt; &lt;</c>.</summary>
public sealed record ShellWord(string Text, bool Quoted, bool Operator, bool HasUnquotedAmpersand = false)
{
    public override string ToString() => Text;
}
