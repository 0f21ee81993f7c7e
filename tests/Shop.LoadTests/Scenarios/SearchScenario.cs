using System.Globalization;
using Shop.LoadTests.Engine;

namespace Shop.LoadTests.Scenarios;

/// <summary>
/// Search: GET /v1/products with the queries shoppers type, built from words of the catalog's names: exact words,
/// prefixes, words with a typo, and filtered (category, price range, sort) queries whose facets the shop computes.
/// </summary>
public sealed class SearchScenario : CatalogScenario
{
    /// <inheritdoc />
    public override string Name => "search";

    /// <inheritdoc />
    public override double TypicalIterationSeconds => 0.01;

    /// <inheritdoc />
    public override async Task<Outcome> RunAsync(IterationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = Query(AnyProduct(context.Random), context.Random);
        var response = await context.Api.GetAsync(path, cancellationToken: context.CancellationToken);
        return response.Ok ? Outcome.Success : Outcome.Fail("search: " + response.Reason);
    }

    /// <summary>One search path for <paramref name="product"/>: exact, prefix, typo or filtered.</summary>
    internal static string Query(CatalogProduct product, Random random)
    {
        var words = product.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4).ToArray();
        var word = words.Length == 0 ? product.Category : words[random.Next(words.Length)];
        var text = random.Next(4) switch
        {
            0 => word,
            1 => word[..Math.Max(3, word.Length - 2)],
            2 => Typo(word, random),
            _ => null,
        };
        if (text is not null)
        {
            return "/v1/products?q=" + Uri.EscapeDataString(text.ToLowerInvariant());
        }

        var max = Math.Max(product.PriceMinor * 2, 100);
        return string.Create(CultureInfo.InvariantCulture,
            $"/v1/products?q={Uri.EscapeDataString(word.ToLowerInvariant())}&category={Uri.EscapeDataString(product.Category)}&minPrice=0&maxPrice={max}&sort=price_asc&pageSize=10");
    }

    private static string Typo(string word, Random random)
    {
        if (word.Length < 5)
        {
            return word;
        }

        // Two neighbouring letters swapped inside the word: one edit, as the fuzzy search tolerates.
        var at = 1 + random.Next(word.Length - 3);
        var letters = word.ToCharArray();
        (letters[at], letters[at + 1]) = (letters[at + 1], letters[at]);
        return new string(letters);
    }
}
