package org.stroma.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stroma.fhir.entered.TypedPatient;
import org.stroma.server.app.Action;
import org.stroma.server.app.AnalysisPlanService;
import org.stroma.server.app.RequestException;
import org.stroma.server.app.ScreeningOutcome;
import org.stroma.server.app.Texts;
import org.stroma.server.auth.Principal;
import org.stroma.server.pages.AccountPage;
import org.stroma.server.pages.AgendaPage;
import org.stroma.server.pages.AnalysisPlanPage;
import org.stroma.server.pages.AdverseEventsPage;
import org.stroma.server.pages.CapturePanels;
import org.stroma.server.pages.CasebookPage;
import org.stroma.server.pages.QueriesPage;
import org.stroma.server.pages.FormPage;
import org.stroma.server.pages.ManufacturingPage;
import org.stroma.server.pages.ProductPage;
import org.stroma.server.pages.ScreeningPage;
import org.stroma.server.pages.SignInPage;
import org.stroma.server.pages.StepFields;
import org.stroma.server.pages.StepTemplates;
import org.stroma.server.pages.StudiesPage;
import org.stroma.server.pages.StudyPage;
import org.stroma.server.pages.SubjectPage;
import org.stroma.server.pages.VersionPage;
import org.stroma.store.study.ProtocolVersion;
import org.stroma.trial.conduct.RefusedValue;

/** The pages: each form posts to the same services the API calls, then shows the page that follows. */
final class PageRoutes {
    private static final String FORM_COOKIE = "stroma_form";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PageRoutes() {
    }

    static boolean isOpen(String path) {
        return path.equals("/signin") || path.startsWith("/assets/") || path.startsWith("/webjars/");
    }

    static List<Endpoint> all(Services s) {
        List<Endpoint> pages = new ArrayList<>();
        pages.add(Endpoint.get("/signin", "Sign-in form", ctx -> ctx.html(SignInPage.render(formToken(ctx), null))));
        pages.add(Endpoint.post("/signin", "Sign in", "form", ctx -> {
            String sent = ctx.formParam("_form");
            if (sent == null || !org.stroma.server.auth.Authenticator.same(sent, ctx.cookie(FORM_COOKIE))) {
                ctx.status(403).html(SignInPage.render(formToken(ctx), "The form expired; sign in again."));
                return;
            }
            var session = s.auth().signIn(ctx.formParam("username"), ctx.formParam("password"), ctx.ip());
            if (session.isEmpty()) {
                ctx.status(401).html(SignInPage.render(formToken(ctx), "Wrong user name or password."));
                return;
            }
            StromaServer.setSessionCookie(ctx, session.get().token());
            ctx.redirect("/");
        }));
        pages.add(Endpoint.post("/signout", "Sign out", "form", ctx -> {
            s.auth().signOut(ctx.cookie(StromaServer.SESSION_COOKIE));
            ctx.removeCookie(StromaServer.SESSION_COOKIE, "/");
            ctx.redirect("/signin");
        }));
        pages.add(Endpoint.get("/account", "The person's sessions and password", ctx -> {
            Principal p = Web.principal(ctx);
            ctx.html(AccountPage.render(p, s.auth().sessions(p), null));
        }));
        pages.add(Endpoint.post("/account/sessions/{session}/end", "End one of the person's sessions", "form", ctx -> {
            s.auth().endSession(Web.principal(ctx), ctx.pathParam("session"));
            ctx.redirect("/account");
        }));
        pages.add(Endpoint.post("/account/password", "Change one's password; every session ends", "form", ctx -> {
            Principal p = Web.principal(ctx);
            try {
                s.auth().changePassword(p, ctx.formParam("current"), ctx.formParam("new"));
            } catch (RefusedValue refused) {
                ctx.status(400).html(AccountPage.render(p, s.auth().sessions(p), refused.getMessage()));
                return;
            }
            ctx.removeCookie(StromaServer.SESSION_COOKIE, "/");
            ctx.redirect("/signin");
        }));
        pages.add(Endpoint.get("/", "Study list", ctx -> {
            Principal p = Web.principal(ctx);
            ctx.html(StudiesPage.render(p, s.studies().studies(p)));
        }));
        pages.add(Endpoint.post("/import", "Import a registry record", "form", ctx -> {
            UploadedFile file = ctx.uploadedFile("record");
            if (file == null) {
                throw RequestException.badRequest("record", "choose the record's file");
            }
            List<ProtocolVersion> versions = s.studies().importRecord(Web.principal(ctx), file.filename(),
                    bytes(file));
            ProtocolVersion first = versions.get(0);
            ctx.redirect("/studies/" + first.study() + "/versions/" + first.version());
        }));
        pages.add(Endpoint.get("/studies/{study}", "Study page", ctx -> {
            Principal p = Web.principal(ctx);
            String study = ctx.pathParam("study");
            var overview = s.studies().overview(p, study);
            boolean managesTeam = Action.MANAGE_TEAM.allows(p.rolesIn(study));
            boolean published = overview.publishedVersion() > 0;
            ctx.html(StudyPage.render(p, overview, published ? s.conduct().subjects(p, study) : List.of(),
                    managesTeam ? s.studies().team(p, study) : null, published ? s.conduct().unblindings(p, study)
                            : List.of(), s.registry().related(p, study)));
        }));
        pages.add(Endpoint.get("/studies/{study}/versions/{version}", "Review a protocol version", ctx -> {
            Principal p = Web.principal(ctx);
            ctx.html(VersionPage.render(p, s.studies().version(p, ctx.pathParam("study"), Web.version(ctx))));
        }));
        pages.add(Endpoint.post("/studies/{study}/versions/{version}/review", "Mark reviewed", "form", ctx -> {
            s.studies().review(Web.principal(ctx), ctx.pathParam("study"), Web.version(ctx));
            ctx.redirect(ctx.path().replace("/review", ""));
        }).needs(Action.REVIEW_PROTOCOL));
        pages.add(Endpoint.post("/studies/{study}/versions/{version}/publish", "Publish", "form", ctx -> {
            s.studies().publish(Web.principal(ctx), ctx.pathParam("study"), Web.version(ctx));
            ctx.redirect("/studies/" + ctx.pathParam("study"));
        }).needs(Action.PUBLISH_PROTOCOL));
        pages.add(Endpoint.post("/studies/{study}/sites/time-zone", "Set a site's time zone", "form", ctx -> {
            s.studies().setSiteZone(Web.principal(ctx), ctx.pathParam("study"), ctx.formParam("site"),
                    ctx.formParam("zone"));
            ctx.redirect("/studies/" + ctx.pathParam("study") + "#sites");
        }).needs(Action.MANAGE_SITES));
        pages.add(Endpoint.post("/studies/{study}/team", "Give a person a role", "form", ctx -> {
            s.studies().grant(Web.principal(ctx), ctx.pathParam("study"), ctx.formParam("username"),
                    ctx.formParam("role"), ctx.formParam("site"), Web.integer("version", ctx.formParam("version")));
            ctx.redirect("/studies/" + ctx.pathParam("study") + "#team");
        }).needs(Action.MANAGE_TEAM));
        pages.add(Endpoint.post("/studies/{study}/team/revoke", "Take a role away", "form", ctx -> {
            s.studies().revoke(Web.principal(ctx), ctx.pathParam("study"), ctx.formParam("username"),
                    ctx.formParam("role"), ctx.formParam("site"), ctx.formParam("reason"), Web.integer("version",
                    ctx.formParam("version")));
            ctx.redirect("/studies/" + ctx.pathParam("study") + "#team");
        }).needs(Action.MANAGE_TEAM));
        pages.add(Endpoint.get("/studies/{study}/screen", "Screening form", ctx -> {
            Principal p = Web.principal(ctx);
            String study = ctx.pathParam("study");
            ctx.html(ScreeningPage.form(p, s.studies().overview(p, study), s.conduct().asked(p, study), null, null));
        }));
        pages.add(Endpoint.post("/studies/{study}/screen", "Screen a patient", "form", ctx -> {
            Principal p = Web.principal(ctx);
            String study = ctx.pathParam("study");
            UploadedFile file = ctx.uploadedFile("record");
            // a file input left empty is still sent, as a part with no name and no bytes
            boolean uploaded = file != null && (file.size() > 0 || !file.filename().isBlank());
            TypedPatient typed = TypedPatientForm.read(ctx.formParamMap());
            ScreeningOutcome outcome;
            try {
                if (uploaded && !typed.isBlank()) {
                    throw RequestException.badRequest("record", "upload the patient's record or type their facts,"
                            + " not both");
                }
                if (!uploaded && typed.isBlank()) {
                    throw RequestException.badRequest("record", "upload the patient's record or type their facts");
                }
                Map<String, Boolean> answers = answers(ctx, "yes", "no");
                outcome = uploaded ? s.conduct().screen(p, study, ctx.formParam("subject"), ctx.formParam("site"),
                        file.filename(), bytes(file), answers) : s.conduct().screen(p, study, ctx.formParam(
                        "subject"), ctx.formParam("site"), typed, answers);
            } catch (RequestException refused) {
                if (refused.status() != 400) {
                    throw refused;
                }
                // the form again, with what the person typed and why it was refused
                ctx.status(400).html(ScreeningPage.form(p, s.studies().overview(p, study), s.conduct().asked(p,
                        study), TypedPatientForm.typed(ctx.formParamMap()), StromaServer.errorBody(refused).error()));
                return;
            }
            ctx.html(ScreeningPage.result(p, study, outcome));
        }).needs(Action.SCREEN));
        pages.add(Endpoint.get("/studies/{study}/subjects/{subject}", "Subject page", ctx -> {
            ctx.html(subjectPage(s, ctx, null, null));
        }));
        pages.add(Endpoint.post("/studies/{study}/subjects/{subject}/screening", "Complete a screening left open",
                "form", ctx -> {
                    Principal p = Web.principal(ctx);
                    String study = ctx.pathParam("study");
                    ScreeningOutcome outcome;
                    try {
                        outcome = s.conduct().completeScreening(p, study, ctx.pathParam("subject"),
                                TypedPatientForm.read(ctx.formParamMap()), answers(ctx, "yes", "no"));
                    } catch (RequestException refused) {
                        if (refused.status() != 400) {
                            throw refused;
                        }
                        ctx.status(400).html(subjectPage(s, ctx, TypedPatientForm.typed(ctx.formParamMap()),
                                StromaServer.errorBody(refused).error()));
                        return;
                    }
                    ctx.html(ScreeningPage.result(p, study, outcome));
                }).needs(Action.SCREEN));
        String form = "/studies/{study}/subjects/{subject}/forms/{visit}/{form}";
        pages.add(Endpoint.get(form, "A case report form", ctx -> {
            Principal p = Web.principal(ctx);
            String study = ctx.pathParam("study");
            ctx.html(FormPage.render(p, study, s.capture().form(p, study, ctx.pathParam("subject"), ctx.pathParam(
                    "visit"), ctx.pathParam("form"))));
        }));
        pages.add(Endpoint.post(form, "Save a case report form", "form", ctx -> {
            Map<String, String> values = new LinkedHashMap<>();
            ctx.formParamMap().forEach((k, v) -> {
                if (!k.equals("_csrf") && !k.equals("reason") && !k.equals("version") && !k.equals("assessedOn")
                        && !v.isEmpty()) {
                    values.put(k, v.get(0));
                }
            });
            Principal p = Web.principal(ctx);
            String study = ctx.pathParam("study");
            try {
                s.capture().save(p, study, ctx.pathParam("subject"), ctx.pathParam("visit"), ctx.pathParam("form"),
                        values, Web.date("assessedOn", ctx.formParam("assessedOn")), ctx.formParam("reason"),
                        Web.integer("version", ctx.formParam("version")));
            } catch (RequestException refused) {
                // the form again, with what the person typed and why it was not saved
                Map<String, String> typed = new LinkedHashMap<>(values);
                typed.put("reason", ctx.formParam("reason") == null ? "" : ctx.formParam("reason"));
                typed.put("assessedOn", ctx.formParam("assessedOn") == null ? "" : ctx.formParam("assessedOn"));
                ctx.status(refused.status()).html(FormPage.render(p, study, s.capture().form(p, study,
                        ctx.pathParam("subject"), ctx.pathParam("visit"), ctx.pathParam("form")), typed,
                        refused.getMessage()));
                return;
            }
            backToForm(ctx);
        }).needs(Action.ENTER_DATA));
        pages.add(Endpoint.post(form + "/signature", "Sign a case report form", "form", ctx -> {
            s.capture().sign(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"), ctx.pathParam(
                    "visit"), ctx.pathParam("form"), ctx.formParam("password"), ctx.formParam("meaning"),
                    Web.integer("version", ctx.formParam("version")));
            backToForm(ctx);
        }).needs(Action.SIGN_FORM));
        pages.add(Endpoint.post(form + "/queries", "Raise a query", "form", ctx -> {
            s.capture().raise(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"), ctx.pathParam(
                    "visit"), ctx.pathParam("form"), ctx.formParam("item"), ctx.formParam("text"));
            backToForm(ctx);
        }).needs(Action.REVIEW_DATA));
        pages.add(Endpoint.post("/studies/{study}/queries/{query}", "Answer, close or re-open a query", "form", ctx -> {
            // the page the person came from: the query's form, or the study's queries
            String back = ctx.formParam("back");
            if (back != null && !back.isEmpty() && !back.equals("queries")) {
                throw RequestException.badRequest("back", "'" + Texts.shown(back) + "' is no page to go back to:"
                        + " queries, or blank for the query's form");
            }
            var q = s.capture().move(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("query"),
                    ctx.formParam("action"), ctx.formParam("text"), Web.integer("version", ctx.formParam("version")));
            ctx.redirect("queries".equals(back) ? "/studies/" + ctx.pathParam("study") + "/queries#query-" + q.id()
                    : FormPage.path(ctx.pathParam("study"), q.subject(), q.visit(), q.form()));
        }).needs(Action.ENTER_DATA, Action.REVIEW_DATA));
        pages.add(Endpoint.get("/studies/{study}/queries", "The study's queries, filtered", ctx -> {
            ctx.html(queriesPage(s, ctx, null));
        }));
        pages.add(Endpoint.post("/studies/{study}/query-closures", "Close the queries ticked", "form", ctx -> {
            String note = Texts.check("note", ctx.formParam("note"), 2000);
            Map<String, Integer> versions = new LinkedHashMap<>();
            for (String id : ctx.formParams("close")) {
                versions.put(Texts.check("close", id, 40), Web.integer("version-" + id, ctx.formParam("version-"
                        + id)));
            }
            if (versions.isEmpty()) {
                throw RequestException.badRequest("close", "tick the queries to close");
            }
            var closed = s.monitoring().closeQueries(Web.principal(ctx), ctx.pathParam("study"), versions,
                    note == null || note.isBlank() ? null : note.strip());
            if (!closed.refused().isEmpty()) {
                ctx.status(409).html(queriesPage(s, ctx, "Closed: " + (closed.closed().isEmpty() ? "none" : String.join(
                        ", ", closed.closed())) + ". Not closed: " + String.join("; ", closed.refused().entrySet()
                        .stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList())));
                return;
            }
            ctx.redirect("/studies/" + ctx.pathParam("study") + "/queries");
        }).needs(Action.REVIEW_DATA));
        pages.add(Endpoint.get("/studies/{study}/casebook", "Subjects and their forms at a glance", ctx -> {
            Principal p = Web.principal(ctx);
            String study = ctx.pathParam("study");
            ctx.html(CasebookPage.render(p, study, s.monitoring().grid(p, study), CasebookPage.Filter.read(
                    ctx.queryParamMap())));
        }));
        pages.add(Endpoint.get("/studies/{study}/agenda", "Overdue and upcoming, site by site", ctx -> {
            Principal p = Web.principal(ctx);
            String study = ctx.pathParam("study");
            ctx.html(AgendaPage.render(p, study, s.monitoring().visitsDue(p, study), s.monitoring().grid(p, study),
                    s.capture().adverseEvents(p, study)));
        }));
        pages.add(Endpoint.post("/studies/{study}/sites/lock", "Lock every subject's casebook at a site", "form",
                ctx -> {
                    s.monitoring().lockSite(Web.principal(ctx), ctx.pathParam("study"), ctx.formParam("site"));
                    ctx.redirect("/studies/" + ctx.pathParam("study") + "/casebook");
                }).needs(Action.LOCK_CASEBOOK));
        pages.add(Endpoint.post(form + "/verification", "Verify a form against the source", "form", ctx -> {
            List<String> items = new ArrayList<>();
            for (String item : ctx.formParams("items")) {
                items.add(Texts.check("items", item, 100));
            }
            s.monitoring().verify(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                    ctx.pathParam("visit"), ctx.pathParam("form"), Web.integer("version", ctx.formParam("version")),
                    items);
            backToForm(ctx);
        }).needs(Action.VERIFY_SOURCE));
        pages.add(Endpoint.post(form + "/lock", "Lock a form", "form", ctx -> {
            s.monitoring().lock(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                    ctx.pathParam("visit"), ctx.pathParam("form"), Web.integer("version", ctx.formParam("version")));
            backToForm(ctx);
        }).needs(Action.LOCK_CASEBOOK));
        pages.add(Endpoint.post(form + "/unlock", "Unlock a form, with the reason", "form", ctx -> {
            s.monitoring().unlock(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                    ctx.pathParam("visit"), ctx.pathParam("form"), Texts.check("reason", ctx.formParam("reason"),
                    2000));
            backToForm(ctx);
        }).needs(Action.UNLOCK_CASEBOOK));
        pages.add(Endpoint.post("/studies/{study}/subjects/{subject}/lock", "Lock a subject's casebook", "form",
                ctx -> {
                    s.monitoring().lock(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"), null,
                            null, null);
                    backToSubject(ctx);
                }).needs(Action.LOCK_CASEBOOK));
        pages.add(Endpoint.post("/studies/{study}/subjects/{subject}/unlock", "Unlock a subject's casebook, with the"
                + " reason", "form", ctx -> {
                    s.monitoring().unlock(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"), null,
                            null, Texts.check("reason", ctx.formParam("reason"), 2000));
                    backToSubject(ctx);
                }).needs(Action.UNLOCK_CASEBOOK));
        pages.add(Endpoint.post("/studies/{study}/subjects/{subject}/adverse-events", "Report an adverse event", "form",
                ctx -> {
                    ObjectNode body = Web.JSON.createObjectNode();
                    for (String field : List.of("term", "grade", "causality", "onset", "outcome")) {
                        if (ctx.formParam(field) != null && !ctx.formParam(field).isBlank()) {
                            body.put(field, ctx.formParam(field));
                        }
                    }
                    body.put("expected", "true".equals(ctx.formParam("expected")));
                    var serious = body.putArray("seriousness");
                    ctx.formParams("seriousness").forEach(serious::add);
                    s.capture().report(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                            AdverseEventReader.read(body));
                    backToSubject(ctx);
                }).needs(Action.REPORT_ADVERSE_EVENT));
        pages.add(Endpoint.get("/studies/{study}/analysis-plan", "The statistical analysis plan", ctx -> {
            Principal p = Web.principal(ctx);
            String study = ctx.pathParam("study");
            AnalysisPlanService.PlanView view = s.plans().plan(p, study);
            ctx.html(AnalysisPlanPage.render(p, study, view, Action.WRITE_ANALYSIS_PLAN.allows(p.rolesIn(study)),
                    Web.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(view.plan())));
        }));
        pages.add(Endpoint.post("/studies/{study}/analysis-plan", "Save a revision of the analysis plan", "form",
                ctx -> {
                    String study = ctx.pathParam("study");
                    JsonNode plan = Web.JSON.createObjectNode().set(Web.DOCUMENT_FIELD, Web.document(Web.DOCUMENT_FIELD,
                            ctx.formParam(Web.DOCUMENT_FIELD)));
                    s.plans().revise(Web.principal(ctx), study, Web.plan(plan, Web.DOCUMENT_FIELD), ctx.formParam(
                            "reason"),
                            Web.integer("version", ctx.formParam("version")));
                    ctx.redirect("/studies/" + study + "/analysis-plan");
                }).needs(Action.WRITE_ANALYSIS_PLAN));
        pages.add(Endpoint.post("/studies/{study}/analysis-plan/signature", "Sign the analysis plan", "form", ctx -> {
            String study = ctx.pathParam("study");
            s.plans().sign(Web.principal(ctx), study, ctx.formParam("password"), ctx.formParam("meaning"),
                    Web.integer("version", ctx.formParam("version")));
            ctx.redirect("/studies/" + study + "/analysis-plan");
        }).needs(Action.WRITE_ANALYSIS_PLAN));
        pages.add(Endpoint.get("/studies/{study}/adverse-events", "Adverse events and their reporting clocks", ctx -> {
            Principal p = Web.principal(ctx);
            String study = ctx.pathParam("study");
            ctx.html(AdverseEventsPage.render(p, study, s.capture().adverseEvents(p, study)));
        }));
        pages.add(Endpoint.post("/studies/{study}/subjects/{subject}/eligibility", "Answer the open criteria and sign",
                "form", ctx -> {
                    Map<String, Boolean> answers = answers(ctx, "met", "not-met");
                    s.conduct().confirmEligibility(Web.principal(ctx), ctx.pathParam("study"),
                            ctx.pathParam("subject"), answers, ctx.formParam("password"));
                    backToSubject(ctx);
                }).needs(Action.CONFIRM_ELIGIBILITY));
        pages.add(Endpoint.post("/studies/{study}/subjects/{subject}/consent", "Record a consent", "form", ctx -> {
            s.conduct().consent(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                    ctx.formParam("formVersion"), ctx.formParam("signedAt"), ctx.formParam("obtainedBy"));
            backToSubject(ctx);
        }).needs(Action.MOVE_SUBJECT));
        pages.add(Endpoint.post("/studies/{study}/consent-form", "Put a consent form in force", "form", ctx -> {
            s.conduct().setConsentForm(Web.principal(ctx), ctx.pathParam("study"), ctx.formParam("version"));
            ctx.redirect("/studies/" + ctx.pathParam("study"));
        }).needs(Action.SET_CONSENT_FORM));
        pages.add(Endpoint.post("/studies/{study}/subjects/{subject}/move", "Move a subject on", "form", ctx -> {
            s.conduct().move(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                    ctx.formParam("to"), ctx.formParam("reason"));
            backToSubject(ctx);
        }).needs(Action.MOVE_SUBJECT));
        pages.add(Endpoint.post("/studies/{study}/subjects/{subject}/randomize", "Randomize", "form", ctx -> {
            String arm = ctx.formParam("arm");
            s.conduct().randomize(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                    Web.number("weight", ctx.formParam("weight")), arm == null ? Map.of() : Map.of("arm", arm));
            backToSubject(ctx);
        }).needs(Action.RANDOMIZE));
        pages.add(Endpoint.post("/studies/{study}/subjects/{subject}/visits", "Record a visit", "form", ctx -> {
            s.conduct().visit(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                    ctx.formParam("visit"), Web.date("day", ctx.formParam("day")));
            backToSubject(ctx);
        }).needs(Action.RECORD_VISIT));
        pages.add(Endpoint.post("/studies/{study}/subjects/{subject}/unblind", "Emergency unblinding", "form", ctx -> {
            if (!"yes".equals(ctx.formParam("confirm"))) {
                throw RequestException.badRequest("confirm", "tick the confirmation: the arm is revealed only when"
                        + " the subject's care needs it");
            }
            s.conduct().unblind(Web.principal(ctx), ctx.pathParam("study"), ctx.pathParam("subject"),
                    ctx.formParam("reason"), ctx.formParam("password"));
            backToSubject(ctx);
        }).needs(Action.UNBLIND));
        pages.add(Endpoint.post("/studies/{study}/unblindings/{unblinding}/approval", "Approve an emergency unblinding",
                "form", ctx -> {
                    s.conduct().approveUnblinding(Web.principal(ctx), ctx.pathParam("study"),
                            ctx.pathParam("unblinding"), ctx.formParam("password"));
                    ctx.redirect("/studies/" + ctx.pathParam("study") + "#unblindings");
                }).needs(Action.APPROVE_UNBLINDING));
        pages.add(Endpoint.post("/studies/{study}/unblinding-rule", "Set whether an unblinding needs a second person",
                "form", ctx -> {
                    String current = ctx.formParam("current");
                    if (!"yes".equals(current) && !"no".equals(current)) {
                        throw RequestException.badRequest("current", "the rule as you saw it (yes or no) is missing");
                    }
                    s.conduct().setUnblindingRule(Web.principal(ctx), ctx.pathParam("study"), "yes".equals(
                            ctx.formParam("secondPerson")), "yes".equals(current));
                    ctx.redirect("/studies/" + ctx.pathParam("study") + "#unblindings");
                }).needs(Action.SET_UNBLINDING_RULE));
        pages.add(Endpoint.post("/studies/{study}/products/{product}/steps", "Record a product step", "form", ctx -> {
            ObjectNode details = StepForm.read(ctx.formParamMap());
            details.put("type", ctx.formParam("type"));
            details.put("version", ctx.formParam("version"));
            Principal p = Web.principal(ctx);
            String study = ctx.pathParam("study");
            var view = StepReader.record(s.conduct(), p, study, ctx.pathParam("product"), details);
            ctx.redirect("/studies/" + study + "/subjects/" + view.recipient());
        }).needs(Action.LAB_STEP, Action.BEDSIDE_STEP));
        pages.add(Endpoint.get("/studies/{study}/manufacturing", "The manufacturing calendar", ctx -> {
            Principal p = Web.principal(ctx);
            ctx.html(ManufacturingPage.render(p, ctx.pathParam("study"), s.manufacturing().view(p, ctx.pathParam(
                    "study")), null));
        }));
        pages.add(Endpoint.post("/studies/{study}/manufacturing/bookings", "Book a collection", "form", ctx -> {
            Principal p = Web.principal(ctx);
            String study = ctx.pathParam("study");
            try {
                s.manufacturing().book(p, study, ctx.formParam("product"), Web.date("day", ctx.formParam("day")));
            } catch (RequestException refused) {
                if (refused.status() != 409) {
                    throw refused;
                }
                // no slot that day: the calendar again, saying which day is full and which is free
                ctx.status(409).html(ManufacturingPage.render(p, study, s.manufacturing().view(p, study),
                        refused.getMessage()));
                return;
            }
            ctx.redirect("/studies/" + study + "/manufacturing");
        }).needs(Action.PLAN_MANUFACTURING));
        pages.add(Endpoint.post("/studies/{study}/manufacturing/capacity", "Set the lab's capacity", "form", ctx -> {
            s.manufacturing().setCapacity(Web.principal(ctx), ctx.pathParam("study"), Web.integer("cultures",
                    ctx.formParam("cultures")));
            ctx.redirect("/studies/" + ctx.pathParam("study") + "/manufacturing");
        }).needs(Action.PLAN_MANUFACTURING));
        pages.add(Endpoint.post("/studies/{study}/manufacturing/replacements", "Order a replacement product", "form",
                ctx -> {
                    s.manufacturing().replace(Web.principal(ctx), ctx.pathParam("study"), ctx.formParam("product"));
                    ctx.redirect("/studies/" + ctx.pathParam("study") + "/manufacturing");
                }).needs(Action.PLAN_MANUFACTURING));
        pages.add(Endpoint.get("/studies/{study}/products/{product}", "A product's chain of identity", ctx -> {
            Principal p = Web.principal(ctx);
            String study = ctx.pathParam("study");
            String product = ctx.pathParam("product");
            var chain = s.conduct().product(p, study, product);
            ctx.html(ProductPage.render(p, study, chain, allows(p, study, Action.READ_LEDGER) ? s.conduct().ledger(p,
                    study, product) : null));
        }));
        pages.add(Endpoint.get("/studies/{study}/products/{product}/label", "A product's printable label", ctx -> {
            Principal p = Web.principal(ctx);
            String study = ctx.pathParam("study");
            var chain = s.conduct().product(p, study, ctx.pathParam("product"));
            if (chain.view().label() == null) {
                throw RequestException.conflict("product " + chain.view().product() + " has no label to print yet");
            }
            ctx.html(ProductPage.label(p, study, chain));
        }));
        pages.add(Endpoint.post("/studies/{study}/products/{product}/shipment", "Ship a product with its logger's"
                + " file", "multipart form", ctx -> {
                    UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("logger") : null;
                    if (file == null || file.size() == 0) {
                        throw RequestException.badRequest("logger", "choose the temperature logger's file (CSV)");
                    }
                    ObjectNode body = Web.JSON.createObjectNode().put("type", "Shipped").put("version",
                            ctx.formParam("version")).put("to", ctx.formParam("to"));
                    if (ctx.formParam("at") != null && !ctx.formParam("at").isBlank()) {
                        body.put("at", ctx.formParam("at"));
                    }
                    ObjectNode temperatures = body.putObject("temperatures").put("loggerCsv", text(bytes(file)));
                    for (String limit : List.of("minCelsius", "maxCelsius")) {
                        Double celsius = Web.number("temperatures." + limit, ctx.formParam(limit));
                        if (celsius != null) {
                            temperatures.put(limit, celsius);
                        }
                    }
                    Principal p = Web.principal(ctx);
                    String study = ctx.pathParam("study");
                    var view = StepReader.record(s.conduct(), p, study, ctx.pathParam("product"), body);
                    ctx.redirect("/studies/" + study + "/subjects/" + view.recipient());
                }).needs(Action.LAB_STEP));
        pages.add(Endpoint.get("/studies/{study}/step-template", "A product step's fields (for the step form)",
                ctx -> {
                    String type = ctx.queryParam("type") == null ? "" : ctx.queryParam("type");
                    ctx.html(StepFields.render(ctx.queryParam("product") == null ? "" : ctx.queryParam("product"), type,
                            StepTemplates.of(type, ctx.queryParam("subject") == null ? "" : ctx.queryParam("subject"))));
                }).needs(Action.LAB_STEP, Action.BEDSIDE_STEP));
        return pages;
    }

    /**
     * The answers of a form's "answer-<criterion>" fields: {@code yes} is true, {@code no} false, blank unanswered;
     * anything else is refused, never read as a "no" (for an exclusion, "no" would let the patient in).
     */
    private static Map<String, Boolean> answers(Context ctx, String yes, String no) {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        ctx.formParamMap().forEach((k, v) -> {
            if (k.startsWith("answer-") && !v.isEmpty() && !v.get(0).isBlank()) {
                if (!v.get(0).equals(yes) && !v.get(0).equals(no)) {
                    throw RequestException.badRequest(k, "'" + Texts.shown(v.get(0)) + "' is not an answer: " + yes
                            + " or " + no);
                }
                answers.put(k.substring("answer-".length()), v.get(0).equals(yes));
            }
        });
        return answers;
    }

    /** A subject's page; after a refused completion of the screening, with what was typed and why it was refused. */
    private static String subjectPage(Services s, Context ctx, Map<String, String> typed, String error)
            throws SQLException {
        Principal p = Web.principal(ctx);
        String study = ctx.pathParam("study");
        String subject = ctx.pathParam("subject");
        var record = s.conduct().subject(p, study, subject);
        CapturePanels capture = new CapturePanels(s.monitoring().grid(p, study, subject), s.capture().forms(p, study, subject), s.capture().subjectLock(p,
                study, subject), s.capture()
                .adverseEvents(p, study).stream().filter(a -> a.event().subject().equals(subject)).toList(),
                allows(p, study, Action.REPORT_ADVERSE_EVENT));
        return SubjectPage.render(p, study, record, capture, typed, error);
    }

    /** The study's queries as the query string filters them; {@code error}: what a closing of many left undone. */
    private static String queriesPage(Services s, Context ctx, String error) throws SQLException {
        Principal p = Web.principal(ctx);
        String study = ctx.pathParam("study");
        QueriesPage.Filter f = QueriesPage.Filter.read(ctx.queryParamMap());
        return QueriesPage.render(p, study, s.monitoring().queries(p, study, f.status(), f.site(), f.form(), f.age()),
                f, s.monitoring().queries(p, study, null, null, null, null), error);
    }

    private static boolean allows(Principal p, String study, Action action) {
        return action.allows(p.rolesIn(study));
    }

    private static void backToForm(Context ctx) {
        ctx.redirect(FormPage.path(ctx.pathParam("study"), ctx.pathParam("subject"), ctx.pathParam("visit"),
                ctx.pathParam("form")));
    }

    private static void backToSubject(Context ctx) {
        ctx.redirect("/studies/" + ctx.pathParam("study") + "/subjects/" + ctx.pathParam("subject"));
    }

    /**
     * A file's text: UTF-8, or, when its bytes are not, Windows-1252 — what loggers' software on Windows writes, whose
     * "°F" must not be lost to a replacement character.
     */
    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static byte[] bytes(UploadedFile file) throws IOException {
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        }
    }

    /**
     * The sign-in form's token, also set as a cookie that the form's post must match. A browser that has one keeps it:
     * a second load of the page (another tab, a redirected request for an icon) must not void the form already shown.
     */
    private static String formToken(Context ctx) {
        String kept = ctx.cookie(FORM_COOKIE);
        if (kept != null && kept.matches("[A-Za-z0-9_-]{32}")) {
            return kept;
        }
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Cookie cookie = new Cookie(FORM_COOKIE, token, "/signin", -1, ctx.scheme().equals("https"));
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        ctx.cookie(cookie);
        return token;
    }

}
