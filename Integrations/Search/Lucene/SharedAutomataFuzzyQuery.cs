using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Shop.Integrations.Search.Lucene;

/// <summary>
/// A <see cref="FuzzyQuery"/> that hands Lucene the word's automata from a <see cref="FuzzyAutomataCache"/> instead
/// of letting it build them. <c>FuzzyTermsEnum</c> keeps its automata in the rewrite's
/// <see cref="FuzzyTermsEnum.ILevenshteinAutomataAttribute"/> and only builds those missing there, so filling that
/// attribute first is all it takes; matching, scoring and the term expansion stay Lucene's own.
/// </summary>
internal sealed class SharedAutomataFuzzyQuery(Term term, int maxEdits, int prefixLength, FuzzyAutomataCache automata)
    : FuzzyQuery(term, maxEdits, prefixLength)
{
    /// <inheritdoc />
    protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts)
    {
        ArgumentNullException.ThrowIfNull(atts);
        if (MaxEdits > 0)
        {
            var held = atts.AddAttribute<FuzzyTermsEnum.ILevenshteinAutomataAttribute>().Automata;
            if (held.Count == 0)
            {
                foreach (var automaton in automata.For(Term.Text, MaxEdits, PrefixLength, Transpositions))
                {
                    held.Add(automaton);
                }
            }
        }

        return base.GetTermsEnum(terms, atts);
    }
}
