import torch


def class_incremental_stream(d_in=5, classes_per_task=2, n_tasks=2, batches=2, batch_size=6):
    g = torch.Generator().manual_seed(0)
    centres = torch.randn(classes_per_task * n_tasks, d_in, generator=g) * 2
    for t in range(n_tasks):
        labels = torch.arange(t * classes_per_task, (t + 1) * classes_per_task)
        task = []
        for _ in range(batches):
            y = labels[torch.randint(0, classes_per_task, (batch_size,), generator=g)]
            task.append((centres[y] + torch.randn(batch_size, d_in, generator=g), y))
        yield t, classes_per_task, task
