namespace Medic.Bundles;

/// <summary>A bundle that cannot be read safely (hostile or damaged); the message says why.</summary>
public sealed class BundleException(string message, Exception? inner = null) : Exception(message, inner);
