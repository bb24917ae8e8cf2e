package org.stroma.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stroma.export.Export;
import org.stroma.protocol.json.ProtocolJson;
import org.stroma.server.app.Action;
import org.stroma.server.app.RequestException;
import org.stroma.server.app.Texts;
import org.stroma.server.auth.Principal;
import org.stroma.store.study.ProtocolVersion;
import org.stroma.trial.product.ProductLot;

/** The JSON API: every route with its summary, from which the OpenAPI document is made. */
final class ApiRoutes {
    private ApiRoutes() {
    }

    static List<Endpoint> all(Services s) {
        List<Endpoint> api = new ArrayList<>();
        api.add(Endpoint.post("/api/session", "Sign in; sets the session cookie and returns the CSRF token that every"
                + " later POST sends as X-CSRF-Token", "JSON {\"username\": text, \"password\": text}", ctx -> {
                    Web.requireSameOriginJson(ctx);
                    JsonNode b = Web.body(ctx);
                    var session = s.auth().signIn(Web.text(b, "username", true), Web.text(b, "password", true),
                            ctx.ip()).orElseThrow(() -> RequestException.badRequest("password",
                                    "wrong user name or password"));
                    StromaServer.setSessionCookie(ctx, session.token());
                    ctx.status(201).json(Map.of("csrfToken", session.csrfToken()));
                }));
        api.add(Endpoint.post("/api/session/end", "Sign out", null, ctx -> {
            s.auth().signOut(ctx.cookie(StromaServer.SESSION_COOKIE));
            ctx.removeCookie(StromaServer.SESSION_COOKIE, "/");
            ctx.json(Map.of("signedOut", true));
        }));
        api.add(Endpoint.get("/api/sessions", "The person's open sessions (where from, when opened and last used)",
                ctx -> {
                    Principal p = Web.principal(ctx);
                    ctx.json(s.auth().sessions(p).stream().map(x -> Map.of("id", x.id(), "source", x.source(),
                            "created", x.created().toString(), "lastSeen", x.lastSeen().toString(), "current",
                            x.id().equals(p.sessionId()))).toList());
                }));
        api.add(Endpoint.post("/api/sessions/{session}/end", "End one of the person's sessions", null, ctx -> {
            s.auth().endSession(Web.principal(ctx), ctx.pathParam("session"));
            ctx.json(Map.of("ended", ctx.pathParam("session")));
        }));
        api.add(Endpoint.post("/api/password", "Change one's password; every session ends, this one included",
                "JSON {\"current\": text, \"new\": text}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    s.auth().changePassword(Web.principal(ctx), Web.text(b, "current", true), Web.text(b, "new", true));
                    ctx.removeCookie(StromaServer.SESSION_COOKIE, "/");
                    ctx.json(Map.of("passwordChanged", true, "signedOut", true));
                }));
        api.add(Endpoint.get("/api/me", "The person signed in and their roles", ctx -> {
            Principal p = Web.principal(ctx);
            ctx.json(Map.of("username", p.username(), "displayName", p.displayName(), "memberships",
                    p.memberships()));
        }));
        api.add(Endpoint.get("/api/studies", "The studies the person has a role in",
                ctx -> ctx.json(s.studies().studies(Web.principal(ctx)))));
        api.add(Endpoint.post("/api/studies/import", "Import a registry record (any format Stroma reads) as the next"
                + " protocol version of its study", "the record's bytes; ?name= names it in errors", ctx -> {
                    String name = ctx.queryParam("name") == null ? "record" : ctx.queryParam("name");
                    ctx.status(201).json(s.studies().importRecord(Web.principal(ctx), name, ctx.bodyAsBytes())
                            .stream().map(v -> Map.of("study", v.study(), "version", v.version(), "state",
                                    v.state().code())).toList());
                }));
        api.add(Endpoint.get("/api/studies/{study}", "The study: design, arms, masking, schedule, sites and enrolment",
                ctx -> ctx.json(s.studies().overview(Web.principal(ctx), ctx.pathParam("study")))));
        api.add(Endpoint.get("/api/studies/{study}/versions", "The protocol versions and their states",
                ctx -> ctx.json(s.studies().versions(Web.principal(ctx), ctx.pathParam("study")).stream()
                        .map(v -> Map.of("version", v.version(), "state", v.state().code(), "importedBy",
                                v.importedBy())).toList())));
        api.add(Endpoint.get("/api/studies/{study}/versions/{version}", "A protocol version with its import report"
                + " (inferred and missing fields, warnings)", ctx -> {
                    ProtocolVersion v = s.studies().version(Web.principal(ctx), ctx.pathParam("study"),
                            Web.version(ctx));
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("study", v.study());
                    json.put("version", v.version());
                    json.put("state", v.state().code());
                    json.put("importedBy", v.importedBy());
                    json.put("reviewedBy", v.reviewedBy());
                    json.put("publishedBy", v.publishedBy());
                    json.put("report", v.report());
                    json.put("protocol", ProtocolJson.toTree(v.protocol()));
                    ctx.json(json);
                }));
        api.add(Endpoint.post("/api/studies/{study}/versions/{version}/review", "Mark a version reviewed", null,
                ctx -> ctx.json(Map.of("state", s.studies().review(Web.principal(ctx), ctx.pathParam("study"),
                        Web.version(ctx)).state().code()))).needs(Action.REVIEW_PROTOCOL));
        api.add(Endpoint.post("/api/studies/{study}/versions/{version}/publish", "Publish a reviewed version: the"
                + " trial runs on it", null, ctx -> ctx.json(Map.of("state", s.studies().publish(Web.principal(ctx),
                        ctx.pathParam("study"), Web.version(ctx)).state().code()))).needs(Action.PUBLISH_PROTOCOL));
        api.add(Endpoint.get("/api/studies/{study}/sites", "The sites the person sees, with enrolment",
                ctx -> ctx.json(s.studies().overview(Web.principal(ctx), ctx.pathParam("study")).sites())));
        api.add(Endpoint.post("/api/studies/{study}/sites", "Add sites", "JSON {\"names\": [text]}", ctx -> {
            JsonNode names = Web.body(ctx).get("names");
            if (names == null || !names.isArray() || names.isEmpty()) {
                throw RequestException.badRequest("names", "'names' is a list of site names");
            }
            List<String> list = new ArrayList<>();
            names.forEach(n -> {
                if (!n.isTextual() || n.asText().isBlank()) {
                    throw RequestException.badRequest("names", "each of 'names' is a site's name, as text");
                }
                list.add(Texts.check("names", n.asText(), 200));
            });
            ctx.status(201).json(Map.of("added", s.studies().addSites(Web.principal(ctx), ctx.pathParam("study"),
                    list)));
        }).needs(Action.MANAGE_SITES));
        api.add(Endpoint.post("/api/studies/{study}/sites/time-zone", "Set the time zone a site keeps (its days:"
                + " visits, consents, reporting clocks)", "JSON {\"site\": text, \"zone\": IANA zone}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.json(Map.of("zone", s.studies().setSiteZone(Web.principal(ctx), ctx.pathParam("study"),
                            Web.text(b, "site", true), Web.text(b, "zone", true))));
                }).needs(Action.MANAGE_SITES));
        api.add(Endpoint.get("/api/studies/{study}/team", "Everyone with a role in the study (administrator)",
                ctx -> ctx.json(s.studies().team(Web.principal(ctx), ctx.pathParam("study"))))
                .needs(Action.MANAGE_TEAM));
        api.add(Endpoint.post("/api/studies/{study}/team", "Give a person a role, at a site or at all of them",
                "JSON {\"username\": text, \"role\": text, \"site\": text or absent, \"version\": the team's}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.status(201).json(s.studies().grant(Web.principal(ctx), ctx.pathParam("study"),
                            Web.text(b, "username", true), Web.text(b, "role", true), Web.text(b, "site", false),
                            Web.integer(b, "version")));
                }).needs(Action.MANAGE_TEAM));
        api.add(Endpoint.post("/api/studies/{study}/team/revoke", "Take a role away, with the reason",
                "JSON {\"username\", \"role\", \"site\" or absent, \"reason\", \"version\": the team's}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    s.studies().revoke(Web.principal(ctx), ctx.pathParam("study"), Web.text(b, "username", true),
                            Web.text(b, "role", true), Web.text(b, "site", false), Web.text(b, "reason", false),
                            Web.integer(b, "version"));
                    ctx.json(Map.of("revoked", true));
                }).needs(Action.MANAGE_TEAM));
        api.add(Endpoint.get("/api/studies/{study}/eligibility/questions", "The criteria the investigator answers at"
                + " screening", ctx -> ctx.json(s.conduct().questions(Web.principal(ctx), ctx.pathParam("study"))
                        .stream().map(c -> Map.of("id", c.id(), "text", c.text())).toList())));
        api.add(Endpoint.get("/api/studies/{study}/subjects", "The subjects the person sees, as their role may see them",
                ctx -> ctx.json(s.conduct().subjects(Web.principal(ctx), ctx.pathParam("study")))));
        api.add(Endpoint.post("/api/studies/{study}/subjects", "Screen a new subject: criterion-by-criterion verdicts",
                "JSON {\"subject\": id, \"site\": text, \"record\": FHIR R4 Bundle or Stroma entered patients,"
                        + " \"answers\": {criterion: boolean}}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    JsonNode record = b.get("record");
                    if (record == null || !record.isObject()) {
                        throw RequestException.badRequest("record", "'record' is the patient's FHIR bundle or"
                                + " entered record, as a JSON object");
                    }
                    ctx.status(201).json(s.conduct().screen(Web.principal(ctx), ctx.pathParam("study"),
                            Web.text(b, "subject", true), Web.text(b, "site", true), "record",
                            record.toString().getBytes(StandardCharsets.UTF_8), Web.answers(b.get("answers"),
                                    "answers")));
                }).needs(Action.SCREEN));
        api.add(Endpoint.get("/api/studies/{study}/subjects/{subject}", "A subject: state, kit code (the arm only for"
                + " those who may know it), products, visit calendar", ctx -> ctx.json(s.conduct().subject(
                        Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject")))));
        api.add(Endpoint.post("/api/studies/{study}/subjects/{subject}/eligibility", "The investigator's signed"
                + " answers to the criteria the screening left open (true: met); the subject is eligible or not by"
                + " them", "JSON {\"answers\": {criterion: boolean}, \"password\": text}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.json(s.conduct().confirmEligibility(Web.principal(ctx), ctx.pathParam("study"),
                            ctx.pathParam("subject"), Web.answers(b.get("answers"), "answers"), Web.text(b,
                                    "password", true)));
                }).needs(Action.CONFIRM_ELIGIBILITY));
        api.add(Endpoint.post("/api/studies/{study}/subjects/{subject}/consent", "Record the subject's informed consent"
                + " (or re-consent): the form's version, when signed, who obtained it", "JSON {\"formVersion\": text,"
                + " \"signedAt\": date-time, \"obtainedBy\": user name (default: you)}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.status(201).json(s.conduct().consent(Web.principal(ctx), ctx.pathParam("study"),
                            ctx.pathParam("subject"), Web.text(b, "formVersion", true), Web.text(b, "signedAt", true),
                            Web.text(b, "obtainedBy", false)));
                }).needs(Action.MOVE_SUBJECT));
        api.add(Endpoint.post("/api/studies/{study}/consent-form", "Put a consent form version in force"
                + " (administrator); subjects who consented to another re-consent", "JSON {\"version\": text}",
                ctx -> ctx.json(Map.of("version", s.conduct().setConsentForm(Web.principal(ctx),
                        ctx.pathParam("study"), Web.text(Web.body(ctx), "version", true)))))
                .needs(Action.SET_CONSENT_FORM));
        api.add(Endpoint.post("/api/studies/{study}/subjects/{subject}/state", "Move a subject on (enrolled, in"
                + " follow-up, completed, or an exit with its reason)", "JSON {\"to\": state, \"reason\":"
                + " text}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.json(s.conduct().move(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                            Web.text(b, "to", true), Web.text(b, "reason", false)));
                }).needs(Action.MOVE_SUBJECT));
        api.add(Endpoint.post("/api/studies/{study}/subjects/{subject}/randomization", "Randomize an enrolled subject",
                "JSON {\"baselineWeightKg\": number, \"levels\": {factor: level}}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.status(201).json(s.conduct().randomize(Web.principal(ctx), ctx.pathParam("study"),
                            ctx.pathParam("subject"), Web.number(b, "baselineWeightKg"), Web.textMap(b.get("levels"),
                                    "levels")));
                }).needs(Action.RANDOMIZE));
        api.add(Endpoint.post("/api/studies/{study}/subjects/{subject}/visits", "Record a visit as done",
                "JSON {\"visit\": name, \"day\": YYYY-MM-DD}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.json(s.conduct().visit(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                            Web.text(b, "visit", true), Web.date("day", Web.text(b, "day", true))));
                }).needs(Action.RECORD_VISIT));
        api.add(Endpoint.post("/api/studies/{study}/subjects/{subject}/unblinding", "Emergency unblinding of one"
                + " subject for the person asking, confirmed with the password; granted at once or once a second"
                + " person approves", "JSON {\"reason\": text, \"password\": text}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.status(201).json(s.conduct().unblind(Web.principal(ctx), ctx.pathParam("study"),
                            ctx.pathParam("subject"), Web.text(b, "reason", true), Web.text(b, "password", true)));
                }).needs(Action.UNBLIND));
        api.add(Endpoint.get("/api/studies/{study}/unblindings", "The emergency unblindings of the subjects the person"
                + " sees: who asked, why, when, approved by whom (never the arm)", ctx -> ctx.json(
                        s.conduct().unblindings(Web.principal(ctx), ctx.pathParam("study")))));
        api.add(Endpoint.post("/api/studies/{study}/unblindings/{unblinding}/approval", "Approve an emergency"
                + " unblinding as the second person (another investigator or treating physician, or the DSMB)",
                "JSON {\"password\": text}", ctx -> ctx.json(s.conduct().approveUnblinding(Web.principal(ctx),
                        ctx.pathParam("study"), ctx.pathParam("unblinding"), Web.text(Web.body(ctx), "password",
                                true)))).needs(Action.APPROVE_UNBLINDING));
        api.add(Endpoint.post("/api/studies/{study}/unblinding-rule", "Whether an emergency unblinding needs a second"
                + " person (administrator)", "JSON {\"secondPerson\": boolean, \"current\": the rule as read}",
                ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.json(Map.of("secondPerson", s.conduct().setUnblindingRule(Web.principal(ctx),
                            ctx.pathParam("study"), Web.bool(b, "secondPerson"), Web.bool(b, "current"))));
                }).needs(Action.SET_UNBLINDING_RULE));
        api.add(Endpoint.post("/api/studies/{study}/products/{product}/steps", "Record a step of a product's chain",
                "JSON {\"type\": step, \"version\": the product's version as read, …the step's fields}", ctx -> ctx.status(201).json(StepReader.record(
                        s.conduct(), Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("product"),
                        Web.body(ctx))))
                .needs(Action.LAB_STEP, Action.BEDSIDE_STEP));
        api.add(Endpoint.post("/api/studies/{study}/lots", "Add a released lot of allogeneic cells",
                "JSON {\"id\", \"donor\", \"vials\", \"cellsPerVial\", \"released\", \"expiry\"}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    Double vials = Web.number(b, "vials");
                    Double cells = Web.number(b, "cellsPerVial");
                    if (vials == null || vials != Math.rint(vials) || vials < 1 || vials > 100_000) {
                        throw RequestException.badRequest("vials", "'vials' is the number of vials in the lot, 1 to"
                                + " 100000");
                    }
                    if (cells == null || !(cells > 0) || cells > 1e13) {
                        throw RequestException.badRequest("cellsPerVial", "'cellsPerVial' is the cells in each vial,"
                                + " more than 0");
                    }
                    ProductLot lot = new ProductLot(Web.text(b, "id", true), Web.text(b, "donor", true),
                            vials.intValue(), cells, b.hasNonNull("released") ? Web.bool(b, "released") : true,
                            Web.date("expiry", Web.text(b, "expiry", false)));
                    ctx.status(201).json(s.conduct().addLot(Web.principal(ctx), ctx.pathParam("study"), lot));
                }).needs(Action.LAB_STEP));
        api.add(Endpoint.get("/api/studies/{study}/manufacturing", "The manufacturing calendar: the lab's culture slots,"
                + " the collections booked and the administrations planned from them, the products waiting for a"
                + " booking or a replacement, and each product's vein-to-vein time", ctx -> ctx.json(
                        s.manufacturing().view(Web.principal(ctx), ctx.pathParam("study")))));
        api.add(Endpoint.post("/api/studies/{study}/manufacturing/capacity", "Set how many cultures the lab runs at"
                + " once (cell lab, unblinded pharmacist)", "JSON {\"cultures\": number}", ctx -> {
                    s.manufacturing().setCapacity(Web.principal(ctx), ctx.pathParam("study"), Web.integer(Web.body(ctx),
                            "cultures"));
                    ctx.json(s.manufacturing().view(Web.principal(ctx), ctx.pathParam("study")));
                }).needs(Action.PLAN_MANUFACTURING));
        api.add(Endpoint.post("/api/studies/{study}/manufacturing/bookings", "Book a product's collection on a day with"
                + " a culture slot; the administration is planned from it", "JSON {\"product\": text, \"day\":"
                + " date}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.status(201).json(s.manufacturing().book(Web.principal(ctx), ctx.pathParam("study"),
                            Web.text(b, "product", true), Web.date("day", Web.text(b, "day", true))));
                }).needs(Action.PLAN_MANUFACTURING));
        api.add(Endpoint.post("/api/studies/{study}/manufacturing/replacements", "Order a replacement of a product that"
                + " failed release", "JSON {\"product\": text}", ctx -> ctx.status(201).json(Map.of("product",
                        s.manufacturing().replace(Web.principal(ctx), ctx.pathParam("study"), Web.text(Web.body(ctx),
                                "product", true))))).needs(Action.PLAN_MANUFACTURING));
        api.add(Endpoint.get("/api/studies/{study}/products/{product}/ledger", "A product's full custody ledger"
                + " (cell lab, unblinded pharmacist, DSMB)", ctx -> ctx.json(s.conduct().ledger(Web.principal(ctx),
                        ctx.pathParam("study"), ctx.pathParam("product")))).needs(Action.READ_LEDGER));
        String subject = "/api/studies/{study}/subjects/{subject}";
        String form = subject + "/forms/{visit}/{form}";
        api.add(Endpoint.get(subject + "/forms", "The subject's forms at each visit: empty, saved or signed, with"
                + " open queries", ctx -> ctx.json(s.capture().forms(Web.principal(ctx), ctx.pathParam("study"),
                        ctx.pathParam("subject")))));
        api.add(Endpoint.get(form, "A form: its items, current values, versions, signatures and queries",
                ctx -> ctx.json(s.capture().form(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                        ctx.pathParam("visit"), ctx.pathParam("form")))));
        api.add(Endpoint.post(form, "Save a form through its edit checks; a change needs its reason",
                "JSON {\"values\": {item: text}, \"assessedOn\": the day of the assessment (optional: the visit's"
                        + " day), \"reason\": text, \"version\": the form's versions when read (0: new)}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.json(s.capture().save(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                            ctx.pathParam("visit"), ctx.pathParam("form"), Web.textMap(b.get("values"), "values"),
                            Web.date("assessedOn", Web.text(b, "assessedOn", false)), Web.text(b, "reason", false),
                            Web.integer(b, "version")));
                }).needs(Action.ENTER_DATA));
        api.add(Endpoint.post(form + "/signature", "Sign a form (investigator; the password again)",
                "JSON {\"password\": text, \"meaning\": text, \"version\": the form version signed}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.json(s.capture().sign(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                            ctx.pathParam("visit"), ctx.pathParam("form"), Web.text(b, "password", true),
                            Web.text(b, "meaning", true), Web.integer(b, "version")));
                }).needs(Action.SIGN_FORM));
        api.add(Endpoint.post(form + "/queries", "Raise a query on an item (monitor, data manager)",
                "JSON {\"item\": text, \"text\": text}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.status(201).json(s.capture().raise(Web.principal(ctx), ctx.pathParam("study"),
                            ctx.pathParam("subject"), ctx.pathParam("visit"), ctx.pathParam("form"),
                            Web.text(b, "item", false), Web.text(b, "text", true)));
                }).needs(Action.REVIEW_DATA));
        api.add(Endpoint.get("/api/studies/{study}/queries", "The queries on the subjects the person sees",
                ctx -> ctx.json(s.capture().queries(Web.principal(ctx), ctx.pathParam("study")))));
        api.add(Endpoint.post("/api/studies/{study}/queries/{query}", "Answer (site), close or re-open (monitor, data"
                + " manager) a query", "JSON {\"action\": answer|close|reopen, \"text\": text, \"version\": the"
                + " query's steps when read}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.json(s.capture().move(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("query"),
                            Web.text(b, "action", true), Web.text(b, "text", false), Web.integer(b, "version")));
                }).needs(Action.ENTER_DATA, Action.REVIEW_DATA));
        api.add(Endpoint.get("/api/studies/{study}/casebook", "The record status dashboard: each subject the person"
                + " sees × each form of each scheduled visit, with the form's state (not started, incomplete,"
                + " unverified, complete, locked), signature, overdue mark and queries not closed",
                ctx -> ctx.json(s.monitoring().grid(Web.principal(ctx), ctx.pathParam("study")))));
        api.add(Endpoint.get("/api/studies/{study}/visits-due", "The visits of the subjects the person sees that are"
                + " overdue or due within the week, on each site's calendar", ctx -> ctx.json(s.monitoring().visitsDue(
                        Web.principal(ctx), ctx.pathParam("study")))));
        api.add(Endpoint.post("/api/studies/{study}/query-closures", "Close many queries at once (monitor, data"
                + " manager); one changed meanwhile is refused alone", "JSON {\"queries\": {query: its steps when"
                + " read}, \"note\": text}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.json(s.monitoring().closeQueries(Web.principal(ctx), ctx.pathParam("study"), Web.versions(
                            b.get("queries"), "queries"), Web.text(b, "note", false)));
                }).needs(Action.REVIEW_DATA));
        api.add(Endpoint.post(form + "/verification", "Mark the form's current values verified against the source"
                + " (monitor): the items named, or all", "JSON {\"version\": the form's versions when read, \"items\":"
                + " [item] (optional: every item)}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    s.monitoring().verify(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                            ctx.pathParam("visit"), ctx.pathParam("form"), Web.integer(b, "version"), Web.texts(b,
                            "items"));
                    ctx.json(s.capture().form(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                            ctx.pathParam("visit"), ctx.pathParam("form")));
                }).needs(Action.VERIFY_SOURCE));
        api.add(Endpoint.post(form + "/lock", "Lock a form before the study's lock (monitor, data manager)",
                "JSON {\"version\": the form's versions when read}", ctx -> {
                    s.monitoring().lock(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                            ctx.pathParam("visit"), ctx.pathParam("form"), Web.integer(Web.body(ctx), "version"));
                    ctx.json(s.capture().form(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                            ctx.pathParam("visit"), ctx.pathParam("form")));
                }).needs(Action.LOCK_CASEBOOK));
        api.add(Endpoint.post(form + "/unlock", "Unlock a form (data manager), with the reason", "JSON {\"reason\":"
                + " text}", ctx -> {
                    s.monitoring().unlock(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                            ctx.pathParam("visit"), ctx.pathParam("form"), Web.text(Web.body(ctx), "reason", true));
                    ctx.json(s.capture().form(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                            ctx.pathParam("visit"), ctx.pathParam("form")));
                }).needs(Action.UNLOCK_CASEBOOK));
        api.add(Endpoint.post(subject + "/lock", "Lock the subject's whole casebook (monitor, data manager)", null,
                ctx -> {
                    s.monitoring().lock(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"), null,
                            null, null);
                    ctx.json(Map.of("locked", ctx.pathParam("subject")));
                }).needs(Action.LOCK_CASEBOOK));
        api.add(Endpoint.post(subject + "/unlock", "Unlock the subject's casebook (data manager), with the reason",
                "JSON {\"reason\": text}", ctx -> {
                    s.monitoring().unlock(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"), null,
                            null, Web.text(Web.body(ctx), "reason", true));
                    ctx.json(Map.of("unlocked", ctx.pathParam("subject")));
                }).needs(Action.UNLOCK_CASEBOOK));
        api.add(Endpoint.post("/api/studies/{study}/sites/lock", "Lock the casebooks of every subject at a site"
                + " (monitor, data manager)", "JSON {\"site\": text}", ctx -> ctx.json(Map.of("locked",
                        s.monitoring().lockSite(Web.principal(ctx), ctx.pathParam("study"), Web.text(Web.body(ctx),
                                "site", true))))).needs(Action.LOCK_CASEBOOK));
        api.add(Endpoint.get("/api/studies/{study}/analysis-plan", "The statistical analysis plan: the latest"
                + " revision (or the draft derived from the protocol, version 0), its revisions and signatures, and"
                + " whether the lock froze it", ctx -> ctx.json(s.plans().plan(Web.principal(ctx),
                        ctx.pathParam("study")))));
        api.add(Endpoint.post("/api/studies/{study}/analysis-plan", "Save a revision of the analysis plan"
                + " (statistician, before the lock)", "JSON {\"plan\": the plan as read and edited, \"reason\":"
                + " text, \"version\": the plan's version when read (0: the draft)}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.json(s.plans().revise(Web.principal(ctx), ctx.pathParam("study"), Web.plan(b, "plan"),
                            Web.text(b, "reason", true), Web.integer(b, "version")));
                }).needs(Action.WRITE_ANALYSIS_PLAN));
        api.add(Endpoint.post("/api/studies/{study}/analysis-plan/signature", "Sign the analysis plan's latest"
                + " revision (statistician; the password again)", "JSON {\"password\": text, \"meaning\": text,"
                + " \"version\": the revision signed}", ctx -> {
                    JsonNode b = Web.body(ctx);
                    ctx.json(s.plans().sign(Web.principal(ctx), ctx.pathParam("study"), Web.text(b, "password", true),
                            Web.text(b, "meaning", true), Web.integer(b, "version")));
                }).needs(Action.WRITE_ANALYSIS_PLAN));
        api.add(Endpoint.post("/api/studies/{study}/lock", "Lock the data for analysis (data manager); nothing is"
                + " recorded after it", null, ctx -> ctx.json(Map.of("lockedAt", s.capture().lock(Web.principal(ctx),
                        ctx.pathParam("study")).toString()))).needs(Action.LOCK_DATA));
        api.add(Endpoint.get("/api/studies/{study}/locked-data", "The locked, unblinded data set (statistician, DSMB)", ctx -> ctx.json(s.capture().lockedData(Web.principal(ctx),
                        ctx.pathParam("study")))).needs(Action.READ_LOCKED_DATA));
        api.add(Endpoint.get("/api/studies/{study}/exports/{format}", "The study's data in a standard (odm, sdtm,"
                + " fhir, usdm, ctgov-v2, ipd) as a ZIP archive with its manifest: as the person's view of the blind"
                + " allows, and blinded whenever ?blinded=true (data manager, statistician, DSMB)", ctx -> {
                    Export e = s.exports().export(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("format"),
                            Web.yesNo("blinded", ctx.queryParam("blinded")));
                    ctx.contentType("application/zip").header("Content-Disposition", "attachment; filename=\""
                            + e.study() + "-" + e.format().formatName() + (e.blinded() ? "-blinded" : "") + ".zip\"")
                            .result(e.zip());
                }).needs(Action.EXPORT_DATA));
        api.add(Endpoint.get("/api/studies/{study}/adverse-events", "Adverse events of the subjects the person sees,"
                + " with their reporting clocks", ctx -> ctx.json(s.capture().adverseEvents(Web.principal(ctx),
                        ctx.pathParam("study")))));
        api.add(Endpoint.post(subject + "/adverse-events", "Report an adverse event, or (with id) a follow-up",
                "JSON {\"term\", \"grade\": 1-5, \"seriousness\": [..], \"causality\", \"expected\", \"onset\","
                        + " \"sponsorAware\", \"outcome\", \"mace\", and for a follow-up \"id\" and \"version\" (its"
                        + " reports so far)}", ctx -> ctx.status(201).json(
                        s.capture().report(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                                AdverseEventReader.read(Web.body(ctx))))).needs(Action.REPORT_ADVERSE_EVENT));
        return api;
    }

    static boolean isOpen(String method, String path) {
        return method.equals("POST") && path.equals("/api/session") || path.equals("/api/openapi.json");
    }
}
