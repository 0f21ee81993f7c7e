namespace Shop.ApiGateway.OpenApi;

/// <summary>Who may call an endpoint.</summary>
public enum Access
{
    /// <summary>Anyone; a token is not looked at.</summary>
    Anonymous,

    /// <summary>Anyone; a valid token changes whose data it is.</summary>
    OptionalToken,

    /// <summary>A signed-in user.</summary>
    SignedIn,

    /// <summary>A signed-in user with a role.</summary>
    Role,
}
