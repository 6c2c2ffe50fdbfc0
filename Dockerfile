# Neuron Playground as a container image: for a school's own server, one replica a container, several
# behind the balancer of deploy/ (HAProxy with sticky sessions; see the README's "Running it for a
# class"). Build: docker build -t neuron-playground .   Run: docker run -p 8501:8501 neuron-playground
FROM python:3.11-slim

# Nothing runs as root; no shell history, no bytecode written at run time.
RUN useradd --create-home --uid 10001 app
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1

COPY requirements.txt .
RUN pip install -r requirements.txt

# The app, its pages, its core, its settings (.streamlit/config.toml) and what it serves itself (static/).
COPY playground.py ./
COPY pages/ pages/
COPY neuron_core/ neuron_core/
COPY static/ static/
COPY .streamlit/ .streamlit/
USER app

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health')"
# Replicas behind one balancer need one cookie secret: pass the same STREAMLIT_SERVER_COOKIE_SECRET to each.
CMD ["python", "-m", "streamlit", "run", "playground.py", "--server.address", "0.0.0.0", "--server.port", "8501", \
     "--server.headless", "true", "--server.fileWatcherType", "none"]
