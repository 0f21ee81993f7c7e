using System.Collections.Concurrent;
using Lucene.Net.Util.Automaton;

namespace Shop.Integrations.Search.Lucene;

/// <summary>
/// The Levenshtein automata of query words, built once and then shared by every searched field and every search for
/// the same word. Lucene's <c>FuzzyQuery</c> builds them anew per query and per field (four fields, so four times per
/// word); building and determinising them was the largest CPU cost of a search and most of its garbage
/// (bench/results/2026-11-26-search-profile.md). A <see cref="CompiledAutomaton"/> is immutable once built, so
/// concurrent searches share it safely. The automata depend only on the word, never on the index, so nothing
/// invalidates them. The cache is bounded: when full it starts over, which costs what no cache costs.
/// </summary>
internal sealed class FuzzyAutomataCache(int capacity)
{
    private readonly ConcurrentDictionary<Key, CompiledAutomaton[]> automata = new();
    private long built;

    /// <summary>How many words' automata were built (not found in the cache) so far.</summary>
    public long Built => Interlocked.Read(ref built);

    /// <summary>
    /// The automata accepting <paramref name="text"/> with 0, 1, ... <paramref name="maxEdits"/> edits after its first
    /// <paramref name="prefixLength"/> code points, which must match exactly: what <c>FuzzyTermsEnum</c> would build.
    /// </summary>
    public IReadOnlyList<CompiledAutomaton> For(string text, int maxEdits, int prefixLength, bool transpositions)
    {
        var key = new Key(text, maxEdits, prefixLength, transpositions);
        if (capacity > 0 && automata.TryGetValue(key, out var held))
        {
            return held;
        }

        var fresh = Build(key);
        Interlocked.Increment(ref built);
        if (capacity <= 0)
        {
            return fresh;
        }

        if (automata.Count >= capacity)
        {
            automata.Clear();
        }

        // Two searches may build the same word at once; both results are equal, either may stay.
        return automata.GetOrAdd(key, fresh);
    }

    private static CompiledAutomaton[] Build(Key key)
    {
        var prefixChars = PrefixChars(key.Text, key.PrefixLength);
        var prefix = key.Text[..prefixChars];
        var builder = new LevenshteinAutomata(key.Text[prefixChars..], key.Transpositions);
        var compiled = new CompiledAutomaton[key.MaxEdits + 1];
        for (var edits = 0; edits <= key.MaxEdits; edits++)
        {
            var automaton = builder.ToAutomaton(edits);
            if (prefixChars > 0)
            {
                automaton = BasicOperations.Concatenate(BasicAutomata.MakeString(prefix), automaton);
            }

            compiled[edits] = new CompiledAutomaton(automaton, true, false);
        }

        return compiled;
    }

    // The prefix counts code points, as FuzzyTermsEnum does, and is never longer than the word.
    private static int PrefixChars(string text, int codePoints)
    {
        var chars = 0;
        for (var seen = 0; seen < codePoints && chars < text.Length; seen++)
        {
            chars += char.IsSurrogatePair(text, chars) ? 2 : 1;
        }

        return chars;
    }

    private readonly record struct Key(string Text, int MaxEdits, int PrefixLength, bool Transpositions);
}
