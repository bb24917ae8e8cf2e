package org.stroma.trial.capture;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.stroma.protocol.text.Words;
import org.stroma.trial.refusal.InvalidInputException;
import org.stroma.trial.refusal.ConflictException;

/**
 * A question about a value: opened by an edit check or by a monitor or data manager, answered by the site, closed by
 * whoever raised it (or re-opened if the answer does not settle it). Its whole history is kept.
 */
public final class DataQuery {
    public enum Status { OPEN, ANSWERED, CLOSED }

    /** One step of the query's life. */
    public record Step(Status to, String by, Instant at, String text) {
    }

    private final String id;
    private final String subject;
    private final String visit;
    private final String form;
    private final String item;
    private final List<Step> history = new ArrayList<>();

    public DataQuery(String id, String subject, String visit, String form, String item, String text, String by,
            Instant at) {
        this.id = id;
        this.subject = subject;
        this.visit = visit;
        this.form = form;
        this.item = item;
        history.add(new Step(Status.OPEN, by, at, text));
    }

    public String id() {
        return id;
    }

    public String subject() {
        return subject;
    }

    public String visit() {
        return visit;
    }

    public String form() {
        return form;
    }

    public String item() {
        return item;
    }

    public String text() {
        return history.get(0).text();
    }

    public Status status() {
        return history.get(history.size() - 1).to();
    }

    public List<Step> history() {
        return List.copyOf(history);
    }

    public void answer(String by, Instant at, String answer) {
        require(Status.OPEN, "answered");
        requireText(answer, "an answer");
        history.add(new Step(Status.ANSWERED, by, at, answer));
    }

    public void close(String by, Instant at, String note) {
        if (status() == Status.CLOSED) {
            throw new ConflictException("query " + id + " is closed already");
        }
        history.add(new Step(Status.CLOSED, by, at, note));
    }

    public void reopen(String by, Instant at, String why) {
        require(Status.ANSWERED, "re-opened");
        requireText(why, "the reason to re-open");
        history.add(new Step(Status.OPEN, by, at, why));
    }

    private void require(Status expected, String action) {
        if (status() != expected) {
            throw new ConflictException("query " + id + " is " + Words.of(status()) + "; only an "
                    + Words.of(expected) + " query is " + action);
        }
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(what + " is required");
        }
    }
}
