import type { RegistrationDoc } from '../../../data/sample/types';
import type { Context } from '../context';
import { cityRef } from './cityRef';

export const Registration = {
  id: (registration: RegistrationDoc) => registration._id,
  workshop: (registration: RegistrationDoc, _: unknown, ctx: Context) => ctx.loaders.workshopById.load(registration.workshopId),
  city: (registration: RegistrationDoc) => cityRef(registration.cityId),
};
