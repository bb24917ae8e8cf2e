package org.stroma.protocol;

/**
 * What a cell-therapy intervention administers, read from the registry's free text: whose cells, from which tissue,
 * which cells, how many, how, and (when the record says) the vehicle, the culture duration and the delivery device.
 */
public record CellProduct(
        ProductSource source,
        Tissue tissue,
        CellType cellType,
        Dose dose,
        Route route,
        String vehicle,
        Range cultureDays,
        String deliveryDevice) {
}
