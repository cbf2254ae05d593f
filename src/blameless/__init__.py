"""blameless: blameless postmortems as code."""
