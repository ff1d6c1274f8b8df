using Medic.Bundles;
using Medic.Core.Model;

namespace Medic.Cli.Commands;

/// <summary>Opens bundles for the commands, turning a refused archive into an input error (exit 2) that names the file.</summary>
internal static class BundleGuard
{
    public static (Manifest Manifest, IReadOnlyDictionary<string, string> Files) Read(string path) =>
        Guarded(path, () => OfflineBundle.ReadVerified(path, new BundleLimits()));

    public static OfflineBundle Open(string path) => Guarded(path, () => OfflineBundle.Open(path, new BundleLimits()));

    private static T Guarded<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (BundleException e)
        {
            throw new InputException(SourcePosition.Start(path), $"refused: {e.Message}");
        }
    }
}
