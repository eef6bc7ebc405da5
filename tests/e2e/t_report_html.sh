# t_report_html.sh - `tact report --format html` in a real browser: Debian's
# chromium, headless, renders the page; its DOM (--dump-dom) holds the
# headline figures, one bar per reason shown and none for suppressed ones;
# the page names no URL and loads nothing (no script, no link, no src); a
# screenshot renders at desktop and phone widths and the page prints to PDF.
# The same page inside --encrypt-to opens with `openssl cms -decrypt`; its
# quotes went through the one scrubber (a fullwidth name, a name inside
# unspaced Japanese).
#
# Skipped (one recorded pass saying so) when chromium is not installed;
# .ci/run installs it.

V=$PWD/vault.db
TV=("$TACT_BIN" --vault "$V")
printf 'html test passphrase\n' >pw
expect_rc 0 "html setup: init" -- "${TV[@]}" --passphrase-file pw init
expect_rc 0 "html setup: unlock" -- "${TV[@]}" --passphrase-file pw unlock
eval "$(cat "$OUT")"
export TACT_SESSION

for i in $(seq 1 12); do
	reasons=(--reason compensation)
	[ "$i" -le 7 ] && reasons+=(--reason process)
	[ "$i" -le 2 ] && reasons+=(--reason hr:confidential)
	"${TV[@]}" log --candidate "Wilhelmina Quarrington $i" --client "Acme & Sons <Ltd>" \
	    --offer-date "2026-03-0$((i % 9 + 1))" --decline-date "2026-03-2$((i % 9))" \
	    "${reasons[@]}" --met "山田:hr:positive" \
	    --share "The package was below market; Ｗｉｌｈｅｌｍｉｎａ said so. 山田さんは親切でした。" \
	    >/dev/null 2>&1 || fail "html setup: log $i" "log failed"
done

expect_rc 0 "html report" -- "${TV[@]}" report --client "Acme & Sons <Ltd>" --format html \
    --quotes
cp "$OUT" report.html
assert_contains "html: a whole page" report.html "<!DOCTYPE html>"
assert_contains "html: client name escaped" report.html "Acme &amp; Sons &lt;Ltd&gt;"
assert_contains "html: inline style" report.html "<style>"
assert_contains "html: inline svg chart" report.html '<svg class="chart"'
assert_not_contains "html: no script" report.html "<script"
assert_not_contains "html: no link element" report.html "<link"
assert_not_contains "html: no src attribute" report.html "src="
assert_not_contains "html: no url()" report.html "url("
assert_not_contains "html: no @import" report.html "@import"
check "html: no http(s) reference at all" sh -c '! grep -qiE "https?:" report.html'
assert_contains "html: quotes present" report.html "<blockquote>"
assert_not_contains "html: quotes scrubbed of names" report.html "Wilhelmina"
assert_not_contains "html: quotes scrubbed of a fullwidth name" report.html "Ｗｉｌｈｅｌｍｉｎａ"
assert_not_contains "html: quotes scrubbed of a name in unspaced text" report.html "山田"

# the same page, encrypted, opens with standard tools
openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 2 \
    -subj "/CN=Acme" >/dev/null 2>&1
expect_rc 0 "html inside --encrypt-to (a repeat of the release)" -- "${TV[@]}" report \
    --client "Acme & Sons <Ltd>" --format html --encrypt-to cert.pem --output r.p7m
check "openssl cms -decrypt opens the html" sh -c \
    'openssl cms -decrypt -in r.p7m -inform DER -inkey key.pem -recip cert.pem -out dec.html 2>/dev/null ||
     openssl cms -decrypt -in r.p7m -inkey key.pem -recip cert.pem -out dec.html'
assert_contains "decrypted page is the html report" dec.html '<svg class="chart"'

BROWSER=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$BROWSER" ]; then
	ok "chromium not installed: browser checks skipped (.ci/run installs it)"
	return 0 2>/dev/null || exit 0
fi
chrome() {
	rm -rf "$PWD/profile"
	timeout -k 5 90 "$BROWSER" --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update --disable-sync \
	    --no-first-run --no-default-browser-check --user-data-dir="$PWD/profile" "$@" \
	    2>>chromium.log
}
chrome --dump-dom "file://$PWD/report.html" >dom.html
assert_contains "browser: DOM rendered" dom.html "</html>"
assert_match "browser: turndowns figure" dom.html 'id="turndowns"><span class="n">12</span>'
assert_match "browser: candidates figure" dom.html 'id="candidates"><span class="n">12</span>'
assert_match "browser: median figure" dom.html 'id="median"><span class="n">[0-9.]+</span>'
assert_eq "browser: one bar per reason shown (compensation, process)" \
    "$(grep -o '<rect class="bar"' dom.html | wc -l)" 2
assert_contains "browser: compensation bar" dom.html 'data-category="compensation"'
assert_not_contains "browser: no bar for suppressed hr" dom.html 'data-category="hr"'
assert_contains "browser: suppressed reasons named, not drawn" dom.html "so not drawn:"
assert_eq "browser: 24 table rows" "$(grep -o '<tr' dom.html | wc -l)" 25
check "browser: no http(s) reference in the rendered DOM" sh -c '! grep -qiE "https?:" dom.html'
chrome --window-size=1000,1400 --screenshot="$PWD/desktop.png" "file://$PWD/report.html" >/dev/null
check "browser: desktop screenshot" sh -c '[ "$(head -c 4 desktop.png | od -An -c | tr -d " ")" = "211PNG" ] && [ $(stat -c %s desktop.png) -gt 10000 ]'
chrome --window-size=390,844 --screenshot="$PWD/phone.png" "file://$PWD/report.html" >/dev/null
check "browser: phone screenshot" test -s phone.png
chrome --no-pdf-header-footer --print-to-pdf="$PWD/report.pdf" "file://$PWD/report.html" >/dev/null
check "browser: prints to PDF" sh -c '[ "$(head -c 4 report.pdf)" = "%PDF" ]'
