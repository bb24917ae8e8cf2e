package org.stroma.trial.capture;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A case report form: its items in order, and the checks between them. */
public record FormDef(String id, String title, List<ItemDef> items, List<CrossCheck> checks) {

    public FormDef {
        items = List.copyOf(items);
        checks = checks == null ? List.of() : List.copyOf(checks);
        Set<String> ids = new HashSet<>();
        for (ItemDef i : items) {
            if (!ids.add(i.id())) {
                throw new IllegalArgumentException("form " + id + " has item " + i.id() + " twice");
            }
        }
        for (CrossCheck c : checks) {
            for (String item : List.of(c.left(), c.right())) {
                if (items.stream().noneMatch(i -> i.id().equals(item) && i.numeric())) {
                    throw new IllegalArgumentException("form " + id + ": check '" + c.message() + "' names " + item
                            + ", which is not a numeric item of the form");
                }
            }
        }
    }

    public Optional<ItemDef> item(String itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }
}
