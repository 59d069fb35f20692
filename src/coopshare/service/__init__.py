"""The one layer that wires everything: home folder, replica (ingest + state), authoring."""
