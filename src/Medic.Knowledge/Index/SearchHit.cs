using Medic.Knowledge.Guides;

namespace Medic.Knowledge.Index;

/// <summary>One answer of <see cref="KnowledgeBase.Search"/>: the entry, why it matched, and the runbooks that cite it.</summary>
public sealed record SearchHit(GuideEntry Entry, double Score, string Snippet, bool ExactCode, IReadOnlyList<string> Runbooks);
