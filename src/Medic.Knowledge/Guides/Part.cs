namespace Medic.Knowledge.Guides;

/// <summary>Which part of a problem the blocks after a label (<c>**Symptoms:**</c>, <c>#### Solutions</c>, <c>Q:</c>) belong to.</summary>
internal enum Part
{
    None,
    Symptoms,
    Causes,
    Fixes,
    CausesAndFixes,
    Diagnostics,
    Question,
    Other,
}
