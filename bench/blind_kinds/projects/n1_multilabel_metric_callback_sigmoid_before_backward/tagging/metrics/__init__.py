from .multilabel import MultiLabelF1


class MetricCallback:
    """Feeds a metric from the trainer's state dict on one event of the step."""

    def __init__(self, metric, event):
        self.metric = metric
        self.event = event

    def on_event(self, event, state):
        if event == self.event:
            self.metric.update(state["logits"], state["target"])  # L


def metric_callback(name, event, **kwargs):
    metric = {"f1": MultiLabelF1}[name](**kwargs)
    return MetricCallback(metric, event)
