"""Neuron Playground: one artificial neuron, made visible. Run with `streamlit run playground.py`.

Every run starts here: the router (pages.route) reads the link for the page asked for, then that page runs,
from pages/: the playground (neuron.py), the data (data.py), the quiz (quiz.py).
"""

import pages

pages.run()
