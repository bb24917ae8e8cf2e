package org.stroma.cli.chia;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A text and its BRAT annotations: entities by id, in the order of the file, and the binary relations. */
public record BratDocument(String text, Map<String, BratEntity> entities, List<BratRelation> relations) {

    public BratDocument {
        entities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entities));
        relations = List.copyOf(relations);
    }

    public Optional<BratEntity> entity(String id) {
        return Optional.ofNullable(entities.get(id));
    }

    public List<BratEntity> ofType(String type) {
        return entities.values().stream().filter(e -> e.type().equals(type)).toList();
    }

    public List<BratRelation> relations(String type) {
        return relations.stream().filter(r -> r.type().equals(type)).toList();
    }
}
