using BenchmarkDotNet.Attributes;
using Shop.Carts;
using Shop.Common;
using Shop.Grains.Carts;

namespace Shop.Benchmarks.Micro;

/// <summary>The cart's hot path: adding to and changing a line of a cart of ten lines, then its total.</summary>
[MemoryDiagnoser]
public class CartLineBenchmarks
{
    private static readonly Money Price = new(1_999, "EUR");
    private List<CartLine> lines = [];
    private int quantity = 4;

    /// <summary>A cart of ten lines.</summary>
    [IterationSetup]
    public void FillCart()
    {
        lines = [];
        for (var i = 0; i < 10; i++)
        {
            CartLines.Add(lines, $"SKU-{i}", $"Product {i}", Price, 1);
        }
    }

    /// <summary>Adds a unit to an existing line.</summary>
    [Benchmark]
    public Money? AddToExistingLine()
    {
        CartLines.Add(lines, "SKU-7", "Product 7", Price, 1);
        return CartLines.Total(lines);
    }

    /// <summary>Sets a line's quantity (alternately 4 and 5, so every call is a change).</summary>
    [Benchmark]
    public Money? SetQuantity()
    {
        quantity = 9 - quantity;
        CartLines.SetQuantity(lines, "SKU-3", quantity);
        return CartLines.Total(lines);
    }
}
