using Shouldly;
using Xunit;

namespace Medic.Logs.Tests;

public sealed class MaskedLineTests
{
    private const string Alphabet = "ab Z09/\\<>*:=.,;#|-_()[]{}\"'@\t\u00a0é";

    [Fact]
    public void The_key_is_each_token_masked_on_its_own_joined_by_one_space()
    {
        // MaskedLine skips the masker for tokens without a digit, '/', '\' or '<': the result must be the masker's
        var random = new Random(11);
        var line = new MaskedLine();
        for (var n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random.Next(Alphabet.Length)];
            }

            var content = new string(chars);
            line.Fill(content);
            var expected = string.Join(' ', content.Split(MaskedLine.Spaces.ToCharArray(), StringSplitOptions.RemoveEmptyEntries).Select(Masker.MaskToken));
            line.Key.ToString().ShouldBe(expected, content);
            for (var i = 0; i < line.Count; i++)
            {
                var (start, length) = line.Raw(i);
                var buffer = new char[Masker.MaxMaskedLength(content.AsSpan(start, length))];
                line.IsMasked(i).ShouldBe(Masker.MaskInto(content.AsSpan(start, length), buffer) >= 0, content);
            }
        }
    }

    [Fact]
    public void Bare_numbers_mask_as_the_general_path_masks_them()
    {
        var random = new Random(12);
        var fast = new char[64];
        var general = new char[64];
        for (var n = 0; n < 5_000; n++)
        {
            var token = new string([.. Enumerable.Range(0, random.Next(1, 30)).Select(_ => (char)('0' + random.Next(10)))]);
            var a = Masker.MaskInto(token, fast, out var aStart, out var aEnd);
            var b = Masker.MaskIntoGeneral(token, general, out var bStart, out var bEnd);
            (a, aStart, aEnd).ShouldBe((b, bStart, bEnd), token);
            fast.AsSpan(0, a).ToString().ShouldBe(general.AsSpan(0, b).ToString(), token);
        }
    }
}
