package io.genreflow.contracts;

/** Coarse energy band shown beside the genre. */
public enum EnergyLevel {
    LOW,
    MEDIUM,
    HIGH
}
