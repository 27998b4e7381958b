import torch

from siamtrack import SiamFC, TemplateUpdate, Trainer, TrainConfig, make_pairs

CFG = TrainConfig(template_update="after_step")  # L


def main(cfg=CFG):
    torch.manual_seed(cfg.seed)
    model = SiamFC(cfg.model)
    opt = torch.optim.SGD(model.parameters(), lr=cfg.lr, momentum=0.9)
    callbacks = [TemplateUpdate(event=cfg.template_update, rate=cfg.template_rate)]
    trainer = Trainer(model, opt, callbacks=callbacks)
    trainer.fit(make_pairs(cfg.steps, cfg.batch_size, cfg.model))  # L


if __name__ == "__main__":
    main()
