/** An invitation ready to be delivered: to whom, for which tenant, and the one-time token. */
export type InviteDelivery = { email: string; tenantName: string; role: string; token: string; expiresAt: Date };

/**
 * Delivers invitations. Email sending is not part of ckm yet: the API returns the token to the
 * inviter, and a mail provider plugs in here by implementing this interface.
 */
export type InviteMailer = { deliver(invite: InviteDelivery): Promise<void> };

export const noInviteMailer: InviteMailer = { deliver: async () => {} };
