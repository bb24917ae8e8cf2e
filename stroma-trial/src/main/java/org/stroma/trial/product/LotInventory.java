package org.stroma.trial.product;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stroma.trial.refusal.InvalidInputException;

/** The allogeneic lots at hand and the vials left in each; vials are issued to products, never twice. */
public final class LotInventory {
    private final Map<String, ProductLot> lots = new LinkedHashMap<>();
    private final Map<String, Integer> left = new HashMap<>();

    public synchronized void add(ProductLot lot) {
        if (lots.putIfAbsent(lot.id(), lot) != null) {
            throw new InvalidInputException("lot " + lot.id() + " is already in the inventory");
        }
        left.put(lot.id(), lot.vials());
    }

    public synchronized int vialsLeft(String lot) {
        return left.getOrDefault(lot, 0);
    }

    public synchronized ProductLot lot(String id) {
        return lots.get(id);
    }

    /** Takes vials for a product on a date; the reason it cannot, or null when it did. */
    synchronized String issue(String lotId, int vials, LocalDate on) {
        ProductLot lot = lots.get(lotId);
        if (lot == null) {
            return "no lot " + lotId + " in the inventory";
        }
        if (!lot.released()) {
            return "lot " + lotId + " is not released";
        }
        if (lot.expiry() != null && on.isAfter(lot.expiry())) {
            return "lot " + lotId + " expired on " + lot.expiry();
        }
        if (vials < 1 || vials > left.get(lotId)) {
            return "lot " + lotId + " has " + left.get(lotId) + " vials left, not " + vials;
        }
        left.merge(lotId, -vials, Integer::sum);
        return null;
    }
}
