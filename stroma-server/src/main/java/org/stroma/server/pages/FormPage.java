package org.stroma.server.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.stroma.protocol.text.Words;
import org.stroma.server.app.CaptureService;
import org.stroma.server.app.Moments;
import org.stroma.server.auth.Principal;
import org.stroma.trial.capture.FormVersion;
import org.stroma.trial.capture.ItemDef;
import org.stroma.trial.capture.ItemType;
import org.stroma.trial.capture.Signature;

/**
 * A case report form at a visit: an input per item (typed, with its unit and expected range), the reason box once the
 * form has been saved, the signature (password again, printed name, meaning), the queries with their answer and close
 * forms, and every earlier version.
 */
public final class FormPage {
    private FormPage() {
    }

    public static String path(String study, String subject, String visit, String form) {
        return "/studies/" + study + "/subjects/" + subject + "/forms/" + URLEncoder.encode(visit,
                StandardCharsets.UTF_8).replace("+", "%20") + "/" + form;
    }

    public static String render(Principal p, String study, CaptureService.FormView f, boolean entersData,
            boolean signs, boolean reviews) {
        return render(p, study, f, entersData, signs, reviews, null, null);
    }

    /**
     * The form with what the person typed still in its fields ({@code typed}, null for the saved values) and why it
     * was not saved ({@code error}, null for none): a refused save loses nothing the person entered.
     */
    public static String render(Principal p, String study, CaptureService.FormView f, boolean entersData,
            boolean signs, boolean reviews, Map<String, String> typed, String error) {
        String base = path(study, f.subject(), f.visit(), f.definition().id());
        ZoneId zone = ZoneId.of(f.zone());
        StringBuilder s = new StringBuilder("<p>" + Html.link("/studies/" + study + "/subjects/" + f.subject(),
                "Subject " + f.subject()) + " · " + Html.esc(f.visit()) + "</p>");
        if (error != null) {
            s.append("<p class=\"error\" role=\"alert\">").append(Html.esc(error)).append("</p>");
        }
        boolean saved = !f.versions().isEmpty();
        String version = "<input type=\"hidden\" name=\"version\" value=\"" + f.versions().size() + "\">";
        StringBuilder fields = new StringBuilder(version);
        for (ItemDef item : f.definition().items()) {
            String value = typed != null ? typed.getOrDefault(item.id(), "") : f.values().getOrDefault(item.id(),
                    "");
            fields.append("<label for=\"item-").append(item.id()).append("\">").append(Html.esc(item.label()))
                    .append(item.unit() == null || item.unit().isEmpty() ? "" : " (" + Html.esc(item.unit()) + ")")
                    .append(item.required() ? " *" : "").append(item.low() != null && item.high() != null
                            ? " <span class=\"muted\">expected " + Html.esc(plain(item.low())) + "–" + Html.esc(plain(
                            item.high())) + "</span>" : "").append("</label>").append(input(item, value, entersData));
        }
        if (entersData) {
            if (saved) {
                fields.append("<label for=\"reason\">Reason for the change *</label><input type=\"text\" id=\"reason\""
                        + " name=\"reason\" value=\"").append(Html.esc(typed == null ? "" : typed.getOrDefault(
                        "reason", ""))).append("\">");
            }
            s.append(Html.form(base, p.csrfToken(), fields.toString(), saved ? "Save changes" : "Save"));
        } else {
            s.append("<form>").append(fields).append("</form>");
        }
        s.append("<section><h2>Signature</h2>");
        List<Signature> signatures = f.signatures();
        if (signatures.isEmpty()) {
            s.append("<p class=\"muted\">Not signed.</p>");
        }
        for (Signature sig : signatures) {
            s.append("<p class=\"").append(sig.valid() ? "ok" : "muted").append("\">").append(Html.esc(sig.printedName()))
                    .append(", ").append(Html.esc(Moments.show(sig.at(), zone))).append(": ").append(Html.esc(sig.meaning()))
                    .append(sig.valid() ? "" : " — voided " + Html.esc(Moments.show(sig.voidedAt(), zone)) + " (" + Html.esc(
                            sig.voidedBecause()) + ")").append("</p>");
        }
        if (signs && saved) {
            s.append(Html.form(base + "/signature", p.csrfToken(), version + "<label for=\"sign-password\">Your password"
                    + "</label><input type=\"password\" id=\"sign-password\" name=\"password\" required"
                    + " autocomplete=\"current-password\"><label for=\"meaning\">Meaning</label><select id=\"meaning\""
                    + " name=\"meaning\"><option>reviewed</option><option>approved</option><option>authored</option>"
                    + "</select>", "Sign as " + p.displayName()));
        }
        s.append("</section><section><h2>Queries</h2>");
        if (f.queries().isEmpty()) {
            s.append("<p class=\"muted\">None.</p>");
        }
        for (CaptureService.QueryView q : f.queries()) {
            s.append("<div class=\"query\"><p><strong>").append(Html.esc(q.id())).append("</strong> on ")
                    .append(Html.esc(q.item() == null ? "the form" : q.item())).append(": ").append(Html.esc(q.text()))
                    .append(" — <span class=\"query-status\">").append(Html.esc(q.status())).append("</span></p><ul>");
            q.history().subList(1, q.history().size()).forEach(h -> s.append("<li>").append(Words.of(h.to()))
                    .append(" by ").append(Html.esc(h.by())).append(", ").append(Html.esc(Moments.show(h.at(), zone)))
                    .append(h.text() == null ? "" : ": " + Html.esc(h.text())).append("</li>"));
            s.append("</ul>");
            String action = "/studies/" + study + "/queries/" + q.id();
            String queryVersion = "<input type=\"hidden\" name=\"version\" value=\"" + q.history().size() + "\">";
            if (entersData && q.status().equals("open")) {
                s.append(Html.form(action, p.csrfToken(), queryVersion + "<input type=\"hidden\" name=\"action\""
                        + " value=\"answer\">"
                        + "<label for=\"answer-" + q.id() + "\">Answer</label><input type=\"text\" id=\"answer-" + q.id()
                        + "\" name=\"text\" required>", "Answer"));
            }
            if (reviews && !q.status().equals("closed")) {
                s.append(Html.form(action, p.csrfToken(), queryVersion + "<input type=\"hidden\" name=\"action\""
                        + " value=\"close\">"
                        + "<label for=\"close-" + q.id() + "\">Note</label><input type=\"text\" id=\"close-" + q.id()
                        + "\" name=\"text\">", "Close query"));
            }
            s.append("</div>");
        }
        if (reviews && saved) {
            StringBuilder items = new StringBuilder();
            f.definition().items().forEach(i -> items.append("<option value=\"").append(i.id()).append("\">")
                    .append(Html.esc(i.label())).append("</option>"));
            s.append(Html.form(base + "/queries", p.csrfToken(), "<label for=\"query-item\">Item</label><select"
                    + " id=\"query-item\" name=\"item\">" + items + "</select><label for=\"query-text\">Question"
                    + "</label><input type=\"text\" id=\"query-text\" name=\"text\" required>", "Raise query"));
        }
        s.append("</section>");
        if (f.versions().size() > 1) {
            s.append("<section><h2>History</h2>").append(Html.table(f.versions(), (FormVersion v) -> new String[] {
                    String.valueOf(v.number()), Html.esc(Moments.show(v.at(), zone)), Html.esc(v.by()), Html.esc(v.reason()),
                    Html.esc(v.values().toString())}, "Version", "Saved", "By", "Reason", "Values")).append("</section>");
        }
        return Layout.page(f.definition().title(), p, s.toString());
    }

    private static String input(ItemDef item, String value, boolean editable) {
        String common = " id=\"item-" + item.id() + "\" name=\"" + item.id() + "\"" + (editable ? "" : " disabled");
        if (item.type() == ItemType.CODED || item.type() == ItemType.BOOLEAN) {
            List<String> options = item.type() == ItemType.BOOLEAN ? List.of("yes", "no") : item.codes();
            StringBuilder o = new StringBuilder("<option value=\"\"></option>");
            options.forEach(c -> o.append("<option").append(c.equals(value) ? " selected" : "").append(">")
                    .append(Html.esc(c)).append("</option>"));
            return "<select" + common + ">" + o + "</select>";
        }
        String type = item.type() == ItemType.DATE ? "date" : "text";
        String mode = item.numeric() ? " inputmode=\"decimal\"" : "";
        return "<input type=\"" + type + "\"" + common + mode + " value=\"" + Html.esc(value) + "\">";
    }

    private static String plain(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
