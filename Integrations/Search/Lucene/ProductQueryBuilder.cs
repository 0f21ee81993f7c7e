using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Shop.Catalog;

namespace Shop.Integrations.Search.Lucene;

/// <summary>
/// Builds Lucene queries from a <see cref="ProductQuery"/> programmatically: the text is run through the analyser
/// and every token becomes term, prefix and fuzzy clauses, so no user input is ever parsed as query syntax and
/// quotes, brackets, <c>*</c> or <c>~</c> cannot make a search throw.
/// </summary>
internal sealed class ProductQueryBuilder(Analyzer analyzer, FuzzyAutomataCache fuzzyAutomata)
{
    /// <summary>Longest text looked at; the rest of a very long string is ignored rather than refused.</summary>
    public const int MaxTextLength = 200;

    /// <summary>Most tokens turned into clauses; each token is a required clause, so more would only narrow to nothing.</summary>
    public const int MaxTokens = 12;

    /// <summary>Longest token given prefix and fuzzy clauses (fuzzy automata grow with the term).</summary>
    private const int MaxExpandedTokenLength = 30;

    /// <summary>The text query, or match-all when there is no usable text.</summary>
    public Query Text(string? text)
    {
        var tokens = Tokens(text);
        if (tokens.Count == 0)
        {
            return new MatchAllDocsQuery();
        }

        // Every word must match somewhere (as the shop always did); within a word, exact beats prefix beats typo.
        var all = new BooleanQuery();
        foreach (var token in tokens)
        {
            all.Add(TokenQuery(token), Occur.MUST);
        }

        return all;
    }

    /// <summary>The filter of category, price range and visibility, or null when nothing is filtered.</summary>
    public static Filter? Filter(ProductQuery query)
    {
        var filters = new BooleanQuery();
        if (!query.IncludeUnpublished)
        {
            filters.Add(new TermQuery(new Term(ProductFields.Published, "true")), Occur.MUST);
        }

        if (!string.IsNullOrEmpty(query.Category))
        {
            filters.Add(new TermQuery(new Term(ProductFields.Category, query.Category.ToLowerInvariant())), Occur.MUST);
        }

        if (query.MinPriceMinor is not null || query.MaxPriceMinor is not null)
        {
            filters.Add(NumericRangeQuery.NewInt64Range(ProductFields.Price, query.MinPriceMinor, query.MaxPriceMinor, true, true), Occur.MUST);
        }

        return filters.Clauses.Count == 0 ? null : new QueryWrapperFilter(filters);
    }

    /// <summary>The order of the hits; relevance without text is name order, as the contract says.</summary>
    public static Sort Sort(ProductQuery query)
    {
        var name = new SortField(ProductFields.NameSort, SortFieldType.STRING);
        var sku = new SortField(ProductFields.SkuValue, SortFieldType.STRING);
        return query.Sort switch
        {
            ProductSort.PriceAscending => new Sort(new SortField(ProductFields.PriceValue, SortFieldType.INT64), name, sku),
            ProductSort.PriceDescending => new Sort(new SortField(ProductFields.PriceValue, SortFieldType.INT64, true), name, sku),
            ProductSort.Newest => new Sort(new SortField(ProductFields.Created, SortFieldType.INT64, true), sku),
            ProductSort.Name => new Sort(name, sku),
            _ when string.IsNullOrWhiteSpace(query.Text) => new Sort(name, sku),
            _ => new Sort(SortField.FIELD_SCORE, name, sku),
        };
    }

    /// <summary>The analysed tokens of <paramref name="text"/>, distinct, at most <see cref="MaxTokens"/>.</summary>
    public IReadOnlyList<string> Tokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(ProductFields.Name, text.Length > MaxTextLength ? text[..MaxTextLength] : text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (tokens.Count < MaxTokens && stream.IncrementToken())
        {
            var token = term.ToString();
            if (!tokens.Contains(token, StringComparer.Ordinal))
            {
                tokens.Add(token);
            }
        }

        stream.End();
        return tokens;
    }

    private BooleanQuery TokenQuery(string token)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (field, boost) in ProductFields.Searched)
        {
            var term = new Term(field, token);
            any.Add(new TermQuery(term) { Boost = boost * 4 }, Occur.SHOULD);
            if (token.Length is >= 2 and <= MaxExpandedTokenLength)
            {
                // As-you-type: "keyb" finds keyboards.
                any.Add(new PrefixQuery(term) { Boost = boost * 2 }, Occur.SHOULD);
            }

            var edits = MaxEdits(token);
            if (edits > 0)
            {
                // Typos: "headphnes" finds headphones. The first letter must match, which keeps the expansion small.
                any.Add(new SharedAutomataFuzzyQuery(term, edits, prefixLength: 1, fuzzyAutomata) { Boost = boost }, Occur.SHOULD);
            }
        }

        return any;
    }

    /// <summary>Edits allowed for a token, as Elasticsearch's fuzziness AUTO: none up to 2 letters, 1 up to 5, then 2.</summary>
    public static int MaxEdits(string token) => token.Length switch
    {
        <= 2 => 0,
        <= 5 => 1,
        <= MaxExpandedTokenLength => 2,
        _ => 0,
    };
}
