import torch

from cil import IncrementalLearner, class_incremental_stream

CFG = {"d_in": 5, "classes_per_task": 2, "n_tasks": 2}


def main(cfg=CFG):
    torch.manual_seed(0)
    learner = IncrementalLearner(cfg["d_in"], cfg["classes_per_task"])
    for t, n_new, batches in class_incremental_stream(cfg["d_in"], cfg["classes_per_task"], cfg["n_tasks"]):
        if t > 0:
            learner.begin_task(n_new)  # L
        for x, y in batches:
            loss = learner.observe(x, y)
        print("task", t, "classes", learner.head.n_classes, "loss", round(loss, 3))


if __name__ == "__main__":
    main()
