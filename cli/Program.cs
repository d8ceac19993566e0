using DeepPlate.Cli;

return DeepPlateCommand.Create(args).Parse(args).Invoke();
