package org.stroma.server.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.stroma.server.app.Action;
import org.stroma.server.app.CaptureService;
import org.stroma.server.app.Moments;
import org.stroma.server.auth.Principal;
import org.stroma.trial.capture.EditChecks;
import org.stroma.trial.capture.FormState;
import org.stroma.trial.capture.ItemDef;
import org.stroma.trial.capture.ItemType;

/**
 * A case report form at a visit: an input per item (typed, with its unit and expected range), the reason box once the
 * form has been saved, the signature (password again, printed name, meaning), the queries with their answer and close
 * forms, the monitor's source data verification and the form's lock, and the item-level audit trail: who changed which
 * item from what to what, when and why. Each action is offered to the roles that may take it. After a refused save the
 * form holds what the person typed ({@code typed}, null for the saved values) and says why it was not saved ({@code
 * error}, null for none): a refused save loses nothing.
 */
public record FormPage(Principal principal, String study, CaptureService.FormView form, Map<String, String> typed,
        String error) {

    public static String path(String study, String subject, String visit, String form) {
        return "/studies/" + study + "/subjects/" + subject + "/forms/" + URLEncoder.encode(visit,
                StandardCharsets.UTF_8).replace("+", "%20") + "/" + form;
    }

    public static String render(Principal p, String study, CaptureService.FormView f) {
        return render(p, study, f, null, null);
    }

    public static String render(Principal p, String study, CaptureService.FormView f, Map<String, String> typed,
            String error) {
        return Templates.render("page/caseReportForm.jte", new FormPage(p, study, f, typed, error));
    }

    public boolean may(Action action) {
        return action.allows(principal.rolesIn(study));
    }

    /** Whether the person changes the form's data: site staff, while the form is not locked. */
    public boolean entersData() {
        return may(Action.ENTER_DATA) && !locked();
    }

    /** Whether the investigator may sign it: saved and not locked. */
    public boolean signs() {
        return may(Action.SIGN_FORM) && saved() && !locked();
    }

    /** Whether the monitor or data manager may raise a query on it: saved and not locked. */
    public boolean reviews() {
        return may(Action.REVIEW_DATA) && saved() && !locked();
    }

    /** Whether the monitor may verify it: saved, not locked, its current version not verified yet. */
    public boolean verifies() {
        return may(Action.VERIFY_SOURCE) && saved() && !locked() && !form.verified();
    }

    /** Whether the form may be locked alone: saved, and neither it nor its subject's casebook is locked. */
    public boolean locks() {
        return may(Action.LOCK_CASEBOOK) && saved() && !locked();
    }

    /** Whether the data manager may unlock the form's own lock. */
    public boolean unlocks() {
        return may(Action.UNLOCK_CASEBOOK) && form.lock() != null && form.subjectLock() == null;
    }

    /** The items the current version gives whose values are not yet verified against the source, in the form's order. */
    public List<String> unverifiedItems() {
        List<String> given = new java.util.ArrayList<>(form.values().keySet());
        if (!assessedOn().isEmpty() && typed == null) {
            given.add(EditChecks.ASSESSED_ON);
        }
        return given.stream().filter(i -> !form.verifiedItems().contains(i)).toList();
    }

    public boolean locked() {
        return form.state() == FormState.LOCKED;
    }

    /** An item's label, or its id for a value the form no longer defines. */
    public String label(String itemId) {
        if (itemId.equals(EditChecks.ASSESSED_ON)) {
            return "Assessment date";
        }
        return form.definition().item(itemId).map(ItemDef::label).orElse(itemId);
    }

    /** Where the form's own actions post. */
    public String base() {
        return path(study, form.subject(), form.visit(), form.definition().id());
    }

    /** Whether the form has been saved: a change then needs its reason, and the form can be signed and queried. */
    public boolean saved() {
        return !form.versions().isEmpty();
    }

    /** The version the form's changes are made from, so that a change made meanwhile by another is not lost. */
    public int version() {
        return form.versions().size();
    }

    /** What an item's field holds: what the person typed, or else what is saved. */
    public String value(ItemDef item) {
        return typed != null ? typed.getOrDefault(item.id(), "") : form.values().getOrDefault(item.id(), "");
    }

    /** The assessment date the field holds: what the person typed, or else the current version's. */
    public String assessedOn() {
        if (typed != null) {
            return typed.getOrDefault("assessedOn", "");
        }
        return form.versions().isEmpty() || form.versions().get(form.versions().size() - 1).assessedOn() == null ? ""
                : form.versions().get(form.versions().size() - 1).assessedOn().toString();
    }

    /** The reason for a change the person typed before a refused save. */
    public String reason() {
        return typed == null ? "" : typed.getOrDefault("reason", "");
    }

    /** The choices of a coded or yes/no item; null for an item that is typed in. */
    public static List<String> choices(ItemDef item) {
        return item.type() == ItemType.BOOLEAN ? List.of("yes", "no") : item.type() == ItemType.CODED ? item.codes()
                : null;
    }

    /** The range an item is expected in, as "40–140"; null for an item without one. */
    public static String range(ItemDef item) {
        return item.low() == null || item.high() == null ? null : plain(item.low()) + "–" + plain(item.high());
    }

    /** A moment of the form, in its site's time zone. */
    public String shown(Instant at) {
        return Moments.show(at, ZoneId.of(form.zone()), principal.locale());
    }

    private static String plain(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
    }
}
