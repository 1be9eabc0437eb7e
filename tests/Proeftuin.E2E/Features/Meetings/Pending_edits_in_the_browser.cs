using Microsoft.Playwright;
using Proeftuin.E2E.Infrastructure;
using Proeftuin.Testing;

namespace Proeftuin.E2E.Features.Meetings;

/// <summary>
/// Edits that never reached the server survive a reload of the page: a member types while the network is gone, is
/// warned before leaving, reloads (which fails offline), comes back online and opens the room again; the text is
/// replayed from the browser's IndexedDB and arrives once at the other member.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Pending_edits_in_the_browser(BrowserSession session)
{
    private const string Typed = " Offline getypt en daarna herladen.";

    [Fact]
    public async Task Text_typed_offline_survives_a_reload_and_reaches_the_other_member_once_back_online()
    {
        var meetingId = await TestMeetings.PlanAsync(session, "ondiep", "Bespreking waarin herladen wordt");
        var writer = await RoomPages.OpenAsync(session, "kevin.smit@demo.proeftuin.nl", meetingId);
        var reader = await RoomPages.OpenAsync(session, "pieter.vandijk@demo.proeftuin.nl", meetingId);
        var dialogs = new List<string>();
        writer.Dialog += (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add(dialog.Type);
            }

            _ = dialog.AcceptAsync();
        };

        await writer.Context.SetOfflineAsync(true);
        await Assertions.Expect(writer.GetByTestId("connection-status")).ToHaveTextAsync("Verbinding verbroken — wijzigingen worden bewaard", RoomPages.Patiently);
        await writer.Locator(".cm-content").ClickAsync();
        await writer.Keyboard.PressAsync("Control+End");
        await writer.Keyboard.TypeAsync(Typed, new() { Delay = 10 });
        await Eventually.UntilAsync(() => StoredContainsAsync(writer, Typed.Trim()), "the unsent text is kept in IndexedDB");

        try
        {
            await writer.ReloadAsync();
        }
        catch (PlaywrightException)
        {
            // Offline the reload itself fails: the browser shows its own error page, and the room's page is gone.
        }

        lock (dialogs)
        {
            Assert.Contains("beforeunload", dialogs);
        }

        await writer.Context.SetOfflineAsync(false);
        await writer.GotoAsync($"/besprekingen/{meetingId}");
        await Assertions.Expect(writer.GetByTestId("connection-status")).ToHaveTextAsync("Verbonden", RoomPages.Patiently);

        // The editor draws only the lines on screen: the reader goes to the end of the text, where it was typed.
        await reader.Locator(".cm-content").ClickAsync();
        await reader.Keyboard.PressAsync("Control+End");
        await Assertions.Expect(reader.Locator(".cm-content")).ToContainTextAsync(Typed.Trim(), RoomPages.PatientlyContains);
        await RoomPages.SameSavedTextAsync(writer, reader);
        var text = await reader.Locator(".cm-content").InnerTextAsync();
        Assert.Equal(1, CountOf(text, Typed.Trim()));
        await Eventually.UntilAsync(async () => !await StoredContainsAsync(writer, Typed.Trim()), "the confirmed text is removed from IndexedDB");
    }

    /// <summary>Whether the page's IndexedDB of pending edits holds <paramref name="text"/> (without creating the database).</summary>
    private static Task<bool> StoredContainsAsync(IPage page, string text) =>
        page.EvaluateAsync<bool>(
            """
            async (text) => {
              if (!(await indexedDB.databases()).some((d) => d.name === 'proeftuin-pending-edits')) return false;
              return await new Promise((resolve) => {
                const open = indexedDB.open('proeftuin-pending-edits');
                open.onerror = () => resolve(false);
                open.onsuccess = () => {
                  const database = open.result;
                  if (!database.objectStoreNames.contains('edits')) { database.close(); resolve(false); return; }
                  const all = database.transaction('edits').objectStore('edits').getAll();
                  all.onsuccess = () => { database.close(); resolve(JSON.stringify(all.result).includes(text)); };
                  all.onerror = () => { database.close(); resolve(false); };
                };
              });
            }
            """,
            text);

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var index = text.IndexOf(part, StringComparison.Ordinal); index >= 0; index = text.IndexOf(part, index + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
