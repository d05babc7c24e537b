using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using ReportSite.Diagnostics;
using ReportSite.Input;

namespace ReportSite.Output;

/// <summary>
/// A hash of everything a site is built from: every file of the input and theme folders (path and content), the
/// build options, and the identity of the ReportSite build itself. Equal fingerprints mean an equal site. Files are
/// read as <see cref="InputTree"/> listed them: nothing outside the folders, no FIFO or device.
/// </summary>
public static class InputFingerprint
{
    public static string Compute(InputFolders files, string options)
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
        foreach (var (label, tree) in new[] { ("input", files.Input), ("theme", files.Theme) })
            foreach (var file in tree.Files)
            {
                Text(label + "/" + file.Relative);
                try
                {
                    using var stream = new FileStream(file.OpenRead(), FileAccess.Read, bufferSize: 0);
                    int read;
                    while ((read = stream.Read(buffer)) > 0) hash.AppendData(buffer.AsSpan(0, read));
                }
                // A file that cannot be read here fails the build where it is needed; if it is not, it does not matter.
                catch (Exception error) when (error is DiagnosticException or IOException) { Text(error.Message); }
                Text("");
            }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
