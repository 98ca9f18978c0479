package io.isolab.catalog;

public enum LabFormat { NATIVE, SCENARIO }
