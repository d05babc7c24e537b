using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace ReportSite.Output;

/// <summary>
/// A hash of everything a site is built from: every file of the input and theme folders (path and content), the
/// build options, and the identity of the ReportSite build itself. Equal fingerprints mean an equal site.
/// </summary>
public static class InputFingerprint
{
    public static string Compute(string inputRoot, string themeRoot, string options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Text(string value)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value));
            hash.AppendData([0]);
        }

        Text(typeof(InputFingerprint).Assembly.ManifestModule.ModuleVersionId.ToString());
        Text(Assembly.GetEntryAssembly()?.ManifestModule.ModuleVersionId.ToString() ?? "");
        Text(options);
        var buffer = new byte[1 << 16];
        foreach (var (label, root) in new[] { ("input", inputRoot), ("theme", themeRoot) })
        {
            if (!Directory.Exists(root)) continue;
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                Text(label + "/" + Path.GetRelativePath(root, file).Replace('\\', '/'));
                using var stream = File.OpenRead(file);
                int read;
                while ((read = stream.Read(buffer)) > 0) hash.AppendData(buffer.AsSpan(0, read));
                Text("");
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
