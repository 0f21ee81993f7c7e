using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Shop.Integrations.Search.Lucene;

/// <summary>
/// The analyser of every searchable field and of the query text, so both sides meet on the same terms: standard
/// tokens, lower case, accents folded to ASCII ("Café" = "cafe"), possessives dropped and a light English stemmer
/// for plurals ("headphones" = "headphone"). A light stemmer keeps prefixes and typos predictable, unlike Porter.
/// </summary>
public sealed class ProductAnalyzer : Analyzer
{
    /// <summary>The Lucene version whose behaviour the analyser follows.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new EnglishPossessiveFilter(Version, stream);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }
}
