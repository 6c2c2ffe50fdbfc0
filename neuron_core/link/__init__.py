"""The link: the whole state lives in the page's address. The parameter table, reading and writing the
address, and sharing it (links, QR codes). Imports the model and neuron_core.numbers."""
