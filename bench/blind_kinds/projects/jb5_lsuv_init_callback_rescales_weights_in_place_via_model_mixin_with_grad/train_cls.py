import torch

from imgcls import ExperimentConfig, Trainer, build_callbacks, build_model, random_image_batches

CFG = ExperimentConfig(init="lsuv")


def main(cfg=CFG):
    torch.manual_seed(cfg.seed)
    model = build_model(cfg)
    opt = torch.optim.SGD(model.parameters(), lr=cfg.lr, momentum=0.9, nesterov=True)
    trainer = Trainer(model, opt, callbacks=build_callbacks(cfg))
    trainer.fit(random_image_batches(cfg.steps, cfg.batch_size, cfg.num_classes))  # L


if __name__ == "__main__":
    main()
