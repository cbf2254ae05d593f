"""Pure text analysis: segmentation, the rule engine, registry, suppressions and outputs."""
