namespace AlgoTrade.Core.Accounts;

/// <summary>What the enrolment page shows once: the seed (for typing in), the otpauth URI and its QR code as a PNG.</summary>
public sealed record TwoFactorEnrolment(string Secret, string OtpAuthUri, byte[] QrCodePng);
