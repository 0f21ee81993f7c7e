using System.ComponentModel.DataAnnotations;

namespace Shop.Grains.Notifications;

/// <summary>E-mail settings (<c>Shop:Email</c>).</summary>
public sealed class EmailOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Shop:Email";

    /// <summary><c>Pickup</c> (development: .eml files in <see cref="PickupFolder"/>) or <c>SendGrid</c>.</summary>
    [Required(ErrorMessage = "is required (Pickup or SendGrid).")]
    [RegularExpression("(?i)^(Pickup|SendGrid)$", ErrorMessage = "must be Pickup or SendGrid.")]
    public string Provider { get; set; } = "Pickup";

    /// <summary>Where the pickup sender writes its .eml files (default <c>data/mail</c>).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "is required.")]
    public string PickupFolder { get; set; } = "data/mail";

    /// <summary>The sender address of every e-mail.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "is required.")]
    [EmailAddress(ErrorMessage = "must be an e-mail address.")]
    public string From { get; set; } = "no-reply@shop.local";

    /// <summary>The sender's display name.</summary>
    [StringLength(100, ErrorMessage = "must be at most 100 characters.")]
    public string FromName { get; set; } = "Shop";

    /// <summary>
    /// A folder of template files (<c>welcome.subject.liquid</c>, <c>welcome.text.liquid</c>, <c>welcome.html.liquid</c>, ...)
    /// that replace the built-in ones file by file; unset uses the built-in templates.
    /// </summary>
    public string? TemplateFolder { get; set; }

    /// <summary>Whether the pickup provider is selected.</summary>
    public bool UsesPickupFolder => string.Equals(Provider, "Pickup", StringComparison.OrdinalIgnoreCase);
}
